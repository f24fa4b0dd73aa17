package io.pqagent.adapters.dnp3.link;

/** What {@link LinkFrameReader#next()} found at the front of the stream. */
public sealed interface LinkEvent {

    /** A frame whose CRCs all matched, with the exact octets it arrived as (for forwarding unchanged). */
    record Received(LinkFrame frame, byte[] raw) implements LinkEvent {
        public Received {
            raw = raw.clone();
        }

        @Override
        public byte[] raw() {
            return raw.clone();
        }
    }

    /** {@code octets} octets dropped for {@code reason}. */
    record Discarded(LinkDiscard reason, int octets) implements LinkEvent {
    }
}
