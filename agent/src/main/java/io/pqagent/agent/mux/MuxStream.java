package io.pqagent.agent.mux;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One stream of a {@link Multiplexer}: a TCP connection carried through the tunnel. Not thread-safe:
 * every method must be called on the multiplexer's thread (see the package documentation).
 *
 * <p>Sending: {@link #write} queues bytes and says whether the caller may go on reading its socket;
 * after a {@code false} it waits for {@link StreamHandler#onWritable}. The queue drains as the peer
 * grants credit. Receiving: bytes handed to {@link StreamHandler#onData} stay counted as buffered
 * until {@link #consumed(int)}; only then does the peer get more credit.
 */
public final class MuxStream {
    private final Multiplexer mux;
    private final int id;
    private final String service;
    private final byte[] parameter;
    private final boolean locallyOpened;
    private final TrafficCounters counters = new TrafficCounters();

    StreamState state;
    StreamHandler handler;

    // sending side
    final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    int headOffset;
    long pendingBytes;
    int sendCredit = MuxLimits.INITIAL_WINDOW;
    boolean closeRequested;
    boolean closeSent;
    boolean writeBlocked;
    boolean scheduled;

    // receiving side: peerCredit + buffered + grantPending == receive window, once the extra credit is granted
    int peerCredit = MuxLimits.INITIAL_WINDOW;
    int buffered;
    int grantPending;
    boolean remoteClosed;
    /** Data that arrived before the acceptor decided. */
    final ArrayDeque<byte[]> held = new ArrayDeque<>();

    MuxStream(Multiplexer mux, int id, String service, byte[] parameter, boolean locallyOpened, StreamState state,
            StreamHandler handler, int receiveWindow) {
        this.mux = mux;
        this.id = id;
        this.service = service;
        this.parameter = parameter;
        this.locallyOpened = locallyOpened;
        this.state = state;
        this.handler = handler;
        this.grantPending = receiveWindow - MuxLimits.INITIAL_WINDOW;
    }

    public int id() {
        return id;
    }

    public String service() {
        return service;
    }

    /** The open-time parameter (a copy; empty when none was given). */
    public byte[] parameter() {
        return parameter.clone();
    }

    public StreamState state() {
        return state;
    }

    /** Whether this side sent the OPEN. */
    public boolean isLocallyOpened() {
        return locallyOpened;
    }

    /** Whether this side asked to half-close (its CLOSE may still wait behind queued data). */
    public boolean isLocalClosed() {
        return closeRequested;
    }

    /** Whether the peer sent CLOSE. */
    public boolean isRemoteClosed() {
        return remoteClosed;
    }

    /** Bytes received and not yet {@link #consumed(int)} (including bytes held before accept). Never above the receive window. */
    public int bufferedBytes() {
        return buffered;
    }

    /** Bytes written and not yet sent into the tunnel. */
    public long pendingSendBytes() {
        return pendingBytes;
    }

    /** Bytes the peer still lets this side send. */
    public int sendCredit() {
        return sendCredit;
    }

    public TrafficCounters.Snapshot counters() {
        return counters.snapshot();
    }

    TrafficCounters trafficCounters() {
        return counters;
    }

    /**
     * Accepts a stream the peer opened: OPEN_OK goes out, held data is delivered to the handler.
     *
     * @return false when the stream was reset meanwhile (by the peer or a lost tunnel): the caller
     *         should drop whatever it prepared (e.g. close its target connection)
     */
    public boolean accept(StreamHandler streamHandler) {
        Objects.requireNonNull(streamHandler, "streamHandler");
        if (state == StreamState.RESET) {
            return false;
        }
        if (state != StreamState.AWAITING_ACCEPT) {
            throw new IllegalStateException("stream " + id + " is " + state + ", not awaiting accept");
        }
        mux.accept(this, streamHandler);
        return true;
    }

    /** Queues all of {@code bytes}; see {@link #write(byte[], int, int)}. */
    public boolean write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    /**
     * Queues a copy of the bytes for the peer.
     *
     * @return true if the caller may write more now; false once the stream's queue reached the high-water
     *         mark, or while the tunnel takes no messages (stop reading the socket until
     *         {@link StreamHandler#onWritable}; the bytes given are queued either way). A stream that was
     *         reset or closed by both sides drops the bytes and returns false; its handler has been told.
     * @throws IllegalStateException before accept, after {@link #close()}, or when the caller kept writing
     *         far beyond a false return
     */
    public boolean write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (state == StreamState.RESET || state == StreamState.CLOSED) {
            return false;
        }
        if (state == StreamState.AWAITING_ACCEPT) {
            throw new IllegalStateException("stream " + id + " must be accepted before it is written");
        }
        if (closeRequested) {
            throw new IllegalStateException("stream " + id + " was closed for writing");
        }
        return mux.write(this, bytes, offset, length);
    }

    /**
     * Whether a write now would be welcome: false from a {@code false} {@link #write} until
     * {@link StreamHandler#onWritable}, so a caller that waits for that callback is always woken.
     */
    public boolean isWritable() {
        return (state == StreamState.OPENING || state == StreamState.OPEN) && !closeRequested && !writeBlocked
                && pendingBytes < mux.settings().writeHighWater();
    }

    /**
     * The handler has taken {@code count} more of the delivered bytes; the peer may send that much more.
     * Ignored once the stream is closed or reset.
     */
    public void consumed(int count) {
        if (state == StreamState.RESET || state == StreamState.CLOSED) {
            return;
        }
        if (state == StreamState.AWAITING_ACCEPT) {
            throw new IllegalStateException("stream " + id + " has delivered nothing before accept");
        }
        if (count < 0 || count > buffered) {
            throw new IllegalArgumentException("consumed " + count + " bytes, but " + buffered + " are buffered");
        }
        mux.consumed(this, count);
    }

    /** Half-close: no more data from this side. CLOSE follows the data already queued. Idempotent. */
    public void close() {
        if (state == StreamState.RESET || state == StreamState.CLOSED || closeRequested) {
            return;
        }
        if (state == StreamState.AWAITING_ACCEPT) {
            throw new IllegalStateException("stream " + id + " awaits accept; reset it to refuse it");
        }
        mux.close(this);
    }

    /**
     * Aborts the stream both ways and tells the peer why (this is also how an acceptor refuses an open).
     * Queued data is dropped. No callback follows. Ignored when the stream is already gone.
     */
    public void reset(ResetCode code, String text) {
        Objects.requireNonNull(code, "code");
        if (state == StreamState.RESET || state == StreamState.CLOSED) {
            return;
        }
        mux.resetLocally(this, code, text);
    }

    @Override
    public String toString() {
        return "MuxStream[" + id + " " + service + " " + state + "]";
    }
}
