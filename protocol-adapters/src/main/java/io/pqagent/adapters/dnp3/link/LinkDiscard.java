package io.pqagent.adapters.dnp3.link;

/** Why the link reader dropped octets instead of delivering a frame. */
public enum LinkDiscard {
    /** Octets before the next 0x05 0x64: noise, or the tail of a frame whose header was already dropped. */
    NO_START_OCTETS,
    /** The header CRC does not match: the length cannot be trusted, so only the start octets are skipped. */
    BAD_HEADER_CRC,
    /** A header with a good CRC but a length below 5: the 10 header octets are skipped. */
    BAD_LENGTH,
    /** A user-data block CRC does not match: the whole frame (its length was trusted) is skipped. */
    BAD_DATA_CRC;

    /** Whether this discard stands for a frame (counted as a discarded frame) rather than loose octets. */
    public boolean isFrame() {
        return this != NO_START_OCTETS;
    }
}
