package io.pqagent.adapters.modbus;

import java.util.Optional;

/**
 * Cuts a TCP byte stream into Modbus/TCP frames: {@link #feed} a chunk as it arrives, then take frames
 * with {@link #next} until it returns empty. A frame split across chunks is held until its rest arrives;
 * at most one partial frame is held, so the buffer never exceeds {@link MbapHeader#MAX_ADU} bytes. The
 * header is checked as soon as its 7 bytes are in, before the rest of a frame is awaited. Frames before
 * a broken header in the same chunk are still returned first. One framer per stream direction; not
 * thread-safe.
 */
public final class MbapFramer {
    private final byte[] partial = new byte[MbapHeader.MAX_ADU];
    private int held;
    private byte[] input;
    private int pos;
    private String failure;

    /** Hands over the next chunk; the previous one must have been drained with {@link #next}. */
    public void feed(byte[] data) {
        if (input != null) {
            throw new IllegalStateException("the previous chunk still has frames: call next() until it is empty");
        }
        input = data;
        pos = 0;
    }

    /**
     * The next whole frame of the chunks fed so far, or empty once the rest is an incomplete frame.
     *
     * @throws MalformedFrameException at a broken header, and from then on: the stream cannot be resynchronised
     */
    public Optional<ModbusFrame> next() throws MalformedFrameException {
        if (failure != null) {
            throw new MalformedFrameException(failure);
        }
        while (input != null && pos < input.length) {
            boolean inHeader = held < MbapHeader.LENGTH;
            int want = inHeader ? MbapHeader.LENGTH : frameLength();
            int take = Math.min(want - held, input.length - pos);
            System.arraycopy(input, pos, partial, held, take);
            held += take;
            pos += take;
            if (inHeader && held == MbapHeader.LENGTH) {
                check(MbapHeader.read(partial, 0));
            } else if (!inHeader && held == want) {
                byte[] adu = new byte[held];
                System.arraycopy(partial, 0, adu, 0, held);
                held = 0;
                return Optional.of(new ModbusFrame(MbapHeader.read(adu, 0), adu));
            }
        }
        input = null;
        return Optional.empty();
    }

    /** Bytes of an incomplete frame held back (after the chunk was drained). */
    public int buffered() {
        return held;
    }

    private int frameLength() {
        return MbapHeader.PREFIX_LENGTH + MbapHeader.u16(partial, 4);
    }

    private void check(MbapHeader h) throws MalformedFrameException {
        // MB-TCP §3.1.3: protocol identifier 0 is Modbus; anything else is another protocol on this port
        if (h.protocolId() != MbapHeader.MODBUS_PROTOCOL_ID) {
            fail("MBAP protocol id " + h.protocolId() + " (Modbus is 0)");
        }
        // MB-TCP §3.1.3, MB-APP §4.1: length = unit id + PDU, and a PDU is 1..253 bytes
        if (h.length() < MbapHeader.MIN_LENGTH || h.length() > MbapHeader.MAX_LENGTH) {
            fail("MBAP length " + h.length() + " outside " + MbapHeader.MIN_LENGTH + ".." + MbapHeader.MAX_LENGTH);
        }
    }

    private void fail(String reason) throws MalformedFrameException {
        failure = reason;
        input = null;
        throw new MalformedFrameException(reason);
    }
}
