package io.pqagent.qsmp.wire;

/**
 * The keep-alive exchange (QSMP-WIRE §7.3), not encrypted, 29 bytes each way:
 *
 * <pre>
 *  request  0B | 08000000 | counter LE64 | 0000000000000000 | etime LE64
 *  response 0C | the same 28 bytes echoed
 * </pre>
 *
 * {@code counter} is the listener's keep-alive counter (independent of txseq/rxseq), {@code etime} the
 * listener's clock when it sent the request. This record is what the listener sent and expects back.
 */
public record KeepAlive(long counter, long etime) {
    public static final int SIZE = PacketHeader.SIZE + QsmpConstants.KEEPALIVE_PAYLOAD_SIZE;

    public Packet request() {
        return packet(Flag.KEEP_ALIVE_REQUEST);
    }

    public Packet response() {
        return packet(Flag.KEEP_ALIVE_RESPONSE);
    }

    private Packet packet(Flag flag) {
        byte[] payload = new byte[QsmpConstants.KEEPALIVE_PAYLOAD_SIZE];
        LittleEndian.putLong(payload, 0, etime);
        // utctime 0, as the C listener leaves it (§2.2: keep-alives are not time-checked)
        return Packet.of(flag, counter, 0, payload);
    }

    /**
     * Reads a keep-alive request or response.
     *
     * @throws QsmpException {@code invalid_request} for another flag, {@code bad_keep_alive} if the
     *     payload is not the 8-byte time
     */
    public static KeepAlive decode(Packet packet) throws QsmpException {
        PacketHeader h = packet.header();
        if (!h.is(Flag.KEEP_ALIVE_REQUEST) && !h.is(Flag.KEEP_ALIVE_RESPONSE)) {
            throw new QsmpException(QsmpError.INVALID_REQUEST,
                    String.format("flag 0x%02X is not a keep-alive", h.flagCode()));
        }
        if (packet.payload().length != QsmpConstants.KEEPALIVE_PAYLOAD_SIZE) {
            throw new QsmpException(QsmpError.BAD_KEEP_ALIVE, "keep-alive payload is " + packet.payload().length
                    + " bytes, expected " + QsmpConstants.KEEPALIVE_PAYLOAD_SIZE);
        }
        return new KeepAlive(h.sequence(), LittleEndian.getLong(packet.payload(), 0));
    }

    /**
     * The answer to a request, as the C client builds it (§7.3): the same bytes with flag 0x0C. Sequence,
     * time and payload are echoed as received, not rebuilt.
     */
    public static Packet answer(Packet request) throws QsmpException {
        if (!request.is(Flag.KEEP_ALIVE_REQUEST)) {
            throw new QsmpException(QsmpError.INVALID_REQUEST,
                    String.format("flag 0x%02X is not a keep-alive request", request.header().flagCode()));
        }
        decode(request); // §7.3: the C client echoes exactly 8 payload bytes, so require that shape
        PacketHeader h = request.header();
        PacketHeader echoed = new PacketHeader(Flag.KEEP_ALIVE_RESPONSE, h.msglen(), h.sequence(), h.utctime());
        return new Packet(echoed, request.payload().clone());
    }

    /**
     * Checks the peer's answer to this request: QSMP-WIRE §7.3 server check, sequence == counter and
     * payload == etime.
     *
     * @throws QsmpException {@code bad_keep_alive} if it does not match
     */
    public void verifyResponse(Packet response) throws QsmpException {
        if (!response.is(Flag.KEEP_ALIVE_RESPONSE)) {
            throw new QsmpException(QsmpError.BAD_KEEP_ALIVE,
                    String.format("flag 0x%02X is not a keep-alive response", response.header().flagCode()));
        }
        KeepAlive got = decode(response);
        if (got.counter != counter) {
            throw new QsmpException(QsmpError.BAD_KEEP_ALIVE, "keep-alive response has sequence "
                    + Long.toUnsignedString(got.counter) + ", expected " + Long.toUnsignedString(counter));
        }
        if (got.etime != etime) {
            throw new QsmpException(QsmpError.BAD_KEEP_ALIVE, "keep-alive response echoes time "
                    + Long.toUnsignedString(got.etime) + ", expected " + Long.toUnsignedString(etime));
        }
    }
}
