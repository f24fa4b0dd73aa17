package io.pqagent.adapters.dnp3.stack;

import io.pqagent.adapters.dnp3.link.LinkFrame;

/** What a {@link FragmentReceiver} delivers. */
public sealed interface Inbound {

    /** A whole application fragment from {@code source} to {@code destination}. */
    record Fragment(int source, int destination, byte[] fragment) implements Inbound {
        public Fragment {
            fragment = fragment.clone();
        }

        @Override
        public byte[] fragment() {
            return fragment.clone();
        }
    }

    /** A frame without user data (a link service request or answer), for the end point to answer or ignore. */
    record LinkService(LinkFrame frame) implements Inbound {
    }
}
