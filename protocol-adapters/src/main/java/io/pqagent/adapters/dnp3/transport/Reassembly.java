package io.pqagent.adapters.dnp3.transport;

/** The outcome of one segment given to a {@link TransportReassembler}. */
public sealed interface Reassembly {

    /** The segment was taken; the fragment is not finished. */
    record Incomplete() implements Reassembly {
    }

    /** The segment had FIN: here is the whole application fragment. */
    record Complete(byte[] fragment) implements Reassembly {
        public Complete {
            fragment = fragment.clone();
        }

        @Override
        public byte[] fragment() {
            return fragment.clone();
        }
    }

    /** The segment was dropped, and with it any partial fragment. */
    record Discarded(SegmentDiscard reason) implements Reassembly {
    }
}
