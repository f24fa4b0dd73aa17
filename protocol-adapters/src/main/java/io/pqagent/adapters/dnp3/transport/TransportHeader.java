package io.pqagent.adapters.dnp3.transport;

/**
 * The transport header octet (IEEE 1815):
 * <pre>
 *   bit 7   6     5..0
 *     FIN FIR   sequence (0..63, +1 per segment, wraps)
 * </pre>
 */
public record TransportHeader(boolean fin, boolean fir, int sequence) {
    /** Link user data is at most 250 octets; one goes to this header. */
    public static final int MAX_SEGMENT_PAYLOAD = 249;

    public TransportHeader {
        if (sequence < 0 || sequence > 63) {
            throw new IllegalArgumentException("transport sequence " + sequence + " is not 0..63");
        }
    }

    public static TransportHeader decode(int octet) {
        return new TransportHeader((octet & 0x80) != 0, (octet & 0x40) != 0, octet & 0x3F);
    }

    public int encode() {
        return (fin ? 0x80 : 0) | (fir ? 0x40 : 0) | sequence;
    }

    /** The sequence number of the segment after this one. */
    public int nextSequence() {
        return (sequence + 1) & 0x3F;
    }
}
