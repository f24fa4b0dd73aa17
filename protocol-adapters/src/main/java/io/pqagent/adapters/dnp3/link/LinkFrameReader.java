package io.pqagent.adapters.dnp3.link;

import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a byte stream into link frames. A damaged frame is dropped, never delivered, and the reader
 * resynchronises on the next 0x05 0x64; each drop is reported as a {@link LinkEvent.Discarded} so the caller
 * can count it and decide when a stream is beyond saving. Memory: at most one partial frame (292 octets) is
 * held beyond the octets of the latest {@link #feed}.
 */
public final class LinkFrameReader {
    private byte[] buffer = new byte[2 * LinkFrame.MAX_FRAME_SIZE];
    private int start;
    private int end;

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int offset, int length) {
        if (end + length > buffer.length) {
            int held = end - start;
            byte[] next = held + length > buffer.length ? new byte[held + length] : buffer;
            System.arraycopy(buffer, start, next, 0, held);
            buffer = next;
            start = 0;
            end = held;
        }
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    /** Octets fed and not yet delivered or discarded. */
    public int buffered() {
        return end - start;
    }

    /** The next frame or discard, or empty when more octets are needed. */
    public Optional<LinkEvent> next() {
        int available = end - start;
        if (available == 0) {
            return Optional.empty();
        }
        // IEEE 1815 link frame start: every frame starts 0x05 0x64
        if ((buffer[start] & 0xFF) != LinkFrame.START_1
                || (available >= 2 && (buffer[start + 1] & 0xFF) != LinkFrame.START_2)) {
            return Optional.of(skip(LinkDiscard.NO_START_OCTETS, untilNextStart()));
        }
        if (available < LinkFrame.HEADER_SIZE) {
            return Optional.empty();
        }
        // IEEE 1815 link CRC: the header CRC covers start, length, control and addresses
        if (!Crc16Dnp.matches(buffer, start, 8)) {
            return Optional.of(skip(LinkDiscard.BAD_HEADER_CRC, 2));
        }
        int length = buffer[start + 2] & 0xFF;
        if (length < LinkFrame.MIN_LENGTH) {
            return Optional.of(skip(LinkDiscard.BAD_LENGTH, LinkFrame.HEADER_SIZE));
        }
        int dataLength = length - LinkFrame.MIN_LENGTH;
        int size = LinkFrame.wireSize(dataLength);
        if (available < size) {
            return Optional.empty();
        }
        byte[] userData = new byte[dataLength];
        int at = start + LinkFrame.HEADER_SIZE;
        for (int off = 0; off < dataLength; off += LinkFrame.BLOCK_SIZE) {
            int n = Math.min(LinkFrame.BLOCK_SIZE, dataLength - off);
            if (!Crc16Dnp.matches(buffer, at, n)) {
                return Optional.of(skip(LinkDiscard.BAD_DATA_CRC, size));
            }
            System.arraycopy(buffer, at, userData, off, n);
            at += n + 2;
        }
        LinkControl control = LinkControl.decode(buffer[start + 3] & 0xFF);
        int destination = (buffer[start + 4] & 0xFF) | (buffer[start + 5] & 0xFF) << 8;
        int source = (buffer[start + 6] & 0xFF) | (buffer[start + 7] & 0xFF) << 8;
        byte[] raw = Arrays.copyOfRange(buffer, start, start + size);
        start += size;
        return Optional.of(new LinkEvent.Received(new LinkFrame(control, destination, source, userData), raw));
    }

    /** Octets up to the next possible frame start; a 0x05 at the very end is kept, 0x64 may follow. */
    private int untilNextStart() {
        for (int i = start + 1; i < end; i++) {
            if ((buffer[i] & 0xFF) == LinkFrame.START_1 && (i + 1 == end || (buffer[i + 1] & 0xFF) == LinkFrame.START_2)) {
                return i - start;
            }
        }
        return end - start;
    }

    private LinkEvent skip(LinkDiscard reason, int octets) {
        start += octets;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return new LinkEvent.Discarded(reason, octets);
    }
}
