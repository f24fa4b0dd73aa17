package io.pqagent.qsmp.wire;

/**
 * The normal close (QSMP-WIRE §7.4, profile rule 12): a bare 21-byte header
 * {@code 03 00000000 FFFFFFFF00000000 0000000000000000}, no payload. The reference's close-with-error
 * variant sends 8 garbage bytes and is never produced here.
 */
public final class TerminatePacket {
    private static final PacketHeader HEADER =
            new PacketHeader(Flag.CONNECTION_TERMINATE, 0, QsmpConstants.SEQUENCE_TERMINATOR, 0);

    private TerminatePacket() {
    }

    public static Packet packet() {
        return new Packet(HEADER, new byte[0]);
    }

    /** The 21 bytes to write. */
    public static byte[] encode() {
        return HEADER.encode();
    }

    /**
     * True for any {@code connection_terminate} header. Sequence and time are not looked at: the
     * reference does not check them on a terminate either (§2.2), and the peer is leaving regardless.
     */
    public static boolean isTerminate(PacketHeader header) {
        return header.is(Flag.CONNECTION_TERMINATE);
    }
}
