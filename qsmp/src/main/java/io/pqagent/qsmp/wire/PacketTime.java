package io.pqagent.qsmp.wire;

/** The ±60 s validity window of packet times (QSMP-WIRE §2.2), with the reference's unsigned arithmetic. */
public final class PacketTime {
    private PacketTime() {
    }

    /**
     * Valid iff {@code now >= t - 60} and {@code now <= t + 60}, computed as unsigned 64-bit values as the
     * reference does: a {@code t} below 60 wraps and is therefore never valid.
     */
    public static boolean isValid(long packetTime, long now) {
        long low = packetTime - QsmpConstants.PACKET_TIME_THRESHOLD;
        long high = packetTime + QsmpConstants.PACKET_TIME_THRESHOLD;
        return Long.compareUnsigned(now, low) >= 0 && Long.compareUnsigned(now, high) <= 0;
    }
}
