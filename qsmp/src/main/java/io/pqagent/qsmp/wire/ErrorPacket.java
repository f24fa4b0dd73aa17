package io.pqagent.qsmp.wire;

import java.util.Optional;

/**
 * The handshake error packet (QSMP-WIRE §2.4), 22 bytes:
 *
 * <pre>
 *  FF | 01000000 | 00000000000000FF | utctime LE64 | code
 *  flag  msglen     ERROR_SEQUENCE                    one byte, §9.3
 * </pre>
 *
 * {@code code} is kept as the raw byte so that a code we do not know is still reported exactly.
 */
public record ErrorPacket(int code, long utctime) {
    public static final int SIZE = PacketHeader.SIZE + QsmpConstants.ERROR_MESSAGE_SIZE;

    public ErrorPacket {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("error code must be one byte");
        }
    }

    public static ErrorPacket of(QsmpError error, long utctime) {
        return new ErrorPacket(error.code(), utctime);
    }

    public static boolean isError(PacketHeader header) {
        return header.is(Flag.ERROR_CONDITION);
    }

    /** The protocol's meaning of the code, or empty for a code outside §9.3. */
    public Optional<QsmpError> error() {
        return QsmpError.fromCode(code);
    }

    /** For logs and operators: the code's name and text, or that it is unknown. */
    public String describe() {
        return error().map(QsmpError::toString)
                .orElseGet(() -> String.format("unknown error code 0x%02X", code));
    }

    public Packet toPacket() {
        PacketHeader header = new PacketHeader(Flag.ERROR_CONDITION, QsmpConstants.ERROR_MESSAGE_SIZE,
                QsmpConstants.ERROR_SEQUENCE, utctime);
        return new Packet(header, new byte[] {(byte) code});
    }

    public byte[] encode() {
        return toPacket().encode();
    }

    /**
     * Recognises an error packet: empty if {@code packet} is not one (flag other than 0xFF).
     *
     * @throws QsmpException {@code receive_failure} if the flag is 0xFF but the payload is not exactly the
     *     one code byte
     */
    public static Optional<ErrorPacket> decode(Packet packet) throws QsmpException {
        PacketHeader header = packet.header();
        if (!isError(header)) {
            return Optional.empty();
        }
        // profile rule 8: an error packet is read whole, flag 0xFF means one payload byte
        if (packet.payload().length != QsmpConstants.ERROR_MESSAGE_SIZE) {
            throw new QsmpException(QsmpError.RECEIVE_FAILURE, "error packet carries " + packet.payload().length
                    + " payload bytes, expected " + QsmpConstants.ERROR_MESSAGE_SIZE);
        }
        return Optional.of(new ErrorPacket(packet.payload()[0] & 0xFF, header.utctime()));
    }

    /**
     * The peer's error code: empty if {@code packet} is not an error packet.
     *
     * @throws QsmpException {@code receive_failure} for a malformed error packet, {@code invalid_input}
     *     naming the byte for a code outside §9.3
     */
    public static Optional<QsmpError> codeOf(Packet packet) throws QsmpException {
        Optional<ErrorPacket> decoded = decode(packet);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        ErrorPacket e = decoded.get();
        return Optional.of(e.error().orElseThrow(() -> new QsmpException(QsmpError.INVALID_INPUT,
                "peer sent an error packet with " + e.describe())));
    }
}
