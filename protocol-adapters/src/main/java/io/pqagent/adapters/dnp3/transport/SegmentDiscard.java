package io.pqagent.adapters.dnp3.transport;

/** Why a segment (and the fragment it belonged to, if any) was dropped. */
public enum SegmentDiscard {
    /** Link user data without even the transport header octet. */
    EMPTY,
    /** A segment without FIR while no fragment was being assembled. */
    NO_FIRST_SEGMENT,
    /** A sequence number other than the previous one + 1: a segment was lost; the partial fragment goes too. */
    SEQUENCE_GAP,
    /** The fragment would grow past the configured maximum; it is dropped whole. */
    FRAGMENT_TOO_LARGE
}
