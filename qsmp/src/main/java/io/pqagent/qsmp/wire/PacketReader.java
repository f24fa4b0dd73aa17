package io.pqagent.qsmp.wire;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts a received byte stream into packets (QSMP-WIRE §2.1, §2.5). The transport feeds whatever its
 * socket read returned; {@link #next()} hands out complete packets in order. No I/O happens here.
 *
 * <p>Allocation rule (profile rule 11): a header's {@code msglen} is checked against
 * {@link Limits#maxTunnelMessage()} before anything of that size exists, and the payload array is
 * allocated only once all its bytes have arrived, so a peer cannot make us reserve memory it has not
 * sent. Bytes fed but not yet consumed are held as they arrived; the caller bounds them by reading from
 * its socket only after draining {@link #next()}.
 *
 * <p>A stream that announced an oversized packet cannot be resynchronised: the reader stays failed and
 * drops anything fed afterwards. Not thread-safe; one reader per connection and direction.
 */
public final class PacketReader {
    private final Limits limits;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset; // bytes of chunks.peekFirst() already consumed
    private long buffered;
    private PacketHeader pendingHeader; // header read, payload not complete yet
    private QsmpException failure;

    public PacketReader(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Buffers {@code len} bytes of {@code buf} from {@code off}; the array may be reused afterwards. */
    public void feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0 || failure != null) {
            return;
        }
        byte[] chunk = new byte[len];
        System.arraycopy(buf, off, chunk, 0, len);
        chunks.addLast(chunk);
        buffered += len;
    }

    public void feed(byte[] buf) {
        feed(buf, 0, buf.length);
    }

    /**
     * The next complete packet, or empty if more bytes are needed.
     *
     * @throws QsmpException {@code receive_failure} (0x19) if a header announces more than the limit;
     *     thrown again on every later call
     */
    public Optional<Packet> next() throws QsmpException {
        if (failure != null) {
            throw new QsmpException(failure.error(), failure.getMessage(), failure);
        }
        if (pendingHeader == null) {
            if (buffered < PacketHeader.SIZE) {
                return Optional.empty();
            }
            PacketHeader header = PacketHeader.decode(take(PacketHeader.SIZE), 0);
            // QSMP-WIRE §2.5 / profile rule 11: check msglen before allocating anything of that size
            if (header.msglen() > limits.maxTunnelMessage()) {
                failure = new QsmpException(QsmpError.RECEIVE_FAILURE, "msglen " + header.msglen()
                        + " exceeds the " + limits.maxTunnelMessage() + "-byte limit (flag 0x"
                        + String.format("%02X", header.flagCode()) + ")");
                chunks.clear();
                buffered = 0;
                throw failure;
            }
            pendingHeader = header;
        }
        if (buffered < pendingHeader.msglen()) {
            return Optional.empty();
        }
        Packet packet = new Packet(pendingHeader, take((int) pendingHeader.msglen()));
        pendingHeader = null;
        return Optional.of(packet);
    }

    /** Bytes fed and not yet handed out (a pending header's 21 bytes no longer count). */
    public long buffered() {
        return buffered;
    }

    /** True if a header has been read and its payload is still incomplete, or header bytes are waiting. */
    public boolean midPacket() {
        return pendingHeader != null || buffered > 0;
    }

    private byte[] take(int n) {
        byte[] out = new byte[n];
        int filled = 0;
        while (filled < n) {
            byte[] head = chunks.peekFirst();
            int k = Math.min(n - filled, head.length - headOffset);
            System.arraycopy(head, headOffset, out, filled, k);
            filled += k;
            headOffset += k;
            if (headOffset == head.length) {
                chunks.removeFirst();
                headOffset = 0;
            }
        }
        buffered -= n;
        return out;
    }
}
