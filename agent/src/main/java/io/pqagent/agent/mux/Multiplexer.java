package io.pqagent.agent.mux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Many TCP streams over one tunnel (docs/agent-framing.md). One instance per tunnel, confined to one
 * thread: every public method here and on {@link MuxStream} must be called on the tunnel's event loop,
 * and every callback ({@link StreamAcceptor}, {@link StreamHandler}, {@link ControlListener}) runs on it,
 * synchronously, from inside the call that caused it. Callbacks may call back into the multiplexer.
 *
 * <p>Outgoing frames wait in two queues: control frames (OPEN, OPEN_OK, WINDOW, CLOSE, RESET, PING...)
 * go first in each message; then streams with data and credit take turns of at most
 * {@link MuxSettings#chunkBytes()} each, round robin, so one busy stream cannot starve the others.
 * Nothing is sent while {@link FrameSink#isWritable()} is false; {@link #tunnelWritable()} resumes.
 * While the tunnel is not writable, {@link MuxStream#write} says stop after queueing, so the local
 * sockets stop being read: a slow tunnel backs up into the sockets, not into memory.
 * Memory stays bounded: per stream, the send queue by the write high-water mark and the receive side
 * by the receive window; the control queue by {@link MuxSettings#maxControlBytes()}, past which a peer
 * that keeps sending without reading our answers breaks the tunnel.
 */
public final class Multiplexer {
    private final MuxRole role;
    private final MuxSettings settings;
    private final FrameSink sink;
    private final StreamAcceptor acceptor;
    private final ControlListener control;

    private final Map<Integer, MuxStream> streams = new HashMap<>();
    private final ArrayDeque<MuxFrame> controlQueue = new ArrayDeque<>();
    /** Encoded size of everything in {@link #controlQueue}. */
    private long controlBytes;
    private final ArrayDeque<MuxStream> ready = new ArrayDeque<>();
    private final List<MuxStream> becameWritable = new ArrayList<>();
    private final Map<String, TrafficCounters> services = new ConcurrentHashMap<>();
    private final MessageWriter writer;

    private long nextOwnId;
    private int highestPeerId;
    private int peerStreams;
    private boolean lost;
    private boolean flushing;
    private boolean flushAgain;

    public Multiplexer(MuxRole role, MuxSettings settings, FrameSink sink, StreamAcceptor acceptor,
            ControlListener control) {
        this.role = Objects.requireNonNull(role, "role");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.control = Objects.requireNonNull(control, "control");
        this.writer = new MessageWriter(settings.maxMessageBytes());
        this.nextOwnId = role.firstStreamId();
    }

    public MuxRole role() {
        return role;
    }

    public MuxSettings settings() {
        return settings;
    }

    /** Whether {@link #tunnelLost()} was called; a lost multiplexer opens nothing more. */
    public boolean isLost() {
        return lost;
    }

    /** Streams currently in the table (opening, awaiting accept or open). */
    public int streamCount() {
        return streams.size();
    }

    /** A copy of the live streams, for status output. */
    public List<MuxStream> streams() {
        return new ArrayList<>(streams.values());
    }

    /** Bytes of control frames (encoded) waiting for the tunnel; at most about {@link MuxSettings#maxControlBytes()}. */
    public long queuedControlBytes() {
        return controlBytes;
    }

    /** Traffic per service name since this multiplexer was made; safe to read from any thread. */
    public Map<String, TrafficCounters.Snapshot> serviceCounters() {
        Map<String, TrafficCounters.Snapshot> copy = new HashMap<>();
        services.forEach((name, counters) -> copy.put(name, counters.snapshot()));
        return copy;
    }

    /**
     * Opens a stream to {@code service} behind the peer. Data may be written at once (within the initial
     * window); {@link StreamHandler#onOpened} or {@link StreamHandler#onReset} tells how the peer decided.
     *
     * @param parameter an optional open-time parameter, 0..{@value MuxLimits#MAX_PARAMETER} bytes (copied)
     * @throws IllegalStateException after {@link #tunnelLost()}, when this side's stream ids ran out, or
     *         while the control queue is full (the tunnel has not taken what waits; the caller should
     *         drop the local connection rather than queue more)
     * @throws IllegalArgumentException for a service name or parameter the framing cannot carry
     */
    public MuxStream open(String service, byte[] parameter, StreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (lost) {
            throw new IllegalStateException("the tunnel is lost; open streams on its successor");
        }
        if (nextOwnId > MuxLimits.MAX_STREAM_ID) {
            throw new IllegalStateException("stream ids of this tunnel are used up; reconnect it");
        }
        if (controlBytes >= settings.maxControlBytes()) {
            throw new IllegalStateException("the tunnel is congested: " + controlBytes
                    + " bytes of control frames wait for it");
        }
        int id = (int) nextOwnId;
        MuxFrame.Open open = new MuxFrame.Open(id, service, parameter == null ? new byte[0] : parameter.clone());
        nextOwnId += 2;
        MuxStream stream = new MuxStream(this, id, service, open.parameter(), true, StreamState.OPENING, handler,
                settings.receiveWindow());
        streams.put(id, stream);
        servicesOf(stream).opened();
        stream.trafficCounters().opened();
        queueControl(open);
        grantExtraWindow(stream);
        flush();
        return stream;
    }

    /** Asks the dialing peer to start a ratchet (only the listening side may; the dialer starts its own). */
    public void requestRatchet(RatchetKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (role != MuxRole.LISTENER) {
            throw new IllegalStateException("the dialing side starts ratchets itself");
        }
        if (lost) {
            return;
        }
        queueControl(new MuxFrame.RatchetRequest(kind));
        flush();
    }

    /**
     * Sends an in-band echo; the peer's PONG reaches {@link ControlListener#onPong}. Dropped while the
     * control queue is full (a tunnel that takes nothing has no round trip to measure).
     */
    public void ping(long token) {
        if (lost || controlBytes >= settings.maxControlBytes()) {
            return;
        }
        queueControl(new MuxFrame.Ping(token));
        flush();
    }

    /**
     * One message from the tunnel. Decoded whole first, so a malformed message changes nothing.
     *
     * @throws MuxException when the message breaks the framing (tunnel-level): close the tunnel, then call
     *         {@link #tunnelLost()}. Stream-level misuse never throws; it resets that stream. Also
     *         ({@link MuxError#CONTROL_QUEUE_FULL}, part way through the message) when the frames we owe
     *         the peer pass {@link MuxSettings#maxControlBytes()}: a peer that sends without reading.
     */
    public void onMessage(byte[] message) throws MuxException {
        if (lost) {
            return;
        }
        List<MuxFrame> frames = MuxCodec.decode(message);
        checkTunnelRules(frames);
        for (MuxFrame frame : frames) {
            if (lost) {
                return; // a callback declared the tunnel lost
            }
            dispatch(frame);
            if (controlBytes > settings.maxControlBytes()) {
                // checked per frame: one message of PINGs must not queue a mountain of PONGs first
                throw new MuxException(MuxError.CONTROL_QUEUE_FULL, controlBytes + " bytes of control frames owed to"
                        + " a peer that does not take them (cap " + settings.maxControlBytes() + ")");
            }
        }
        flush();
    }

    /** The tunnel can take messages again: send what waited. */
    public void tunnelWritable() {
        flush();
    }

    /** The tunnel is gone: every stream is reset (handlers hear {@link ResetCode#TUNNEL_LOST}). Idempotent. */
    public void tunnelLost() {
        if (lost) {
            return;
        }
        lost = true;
        controlQueue.clear();
        controlBytes = 0;
        ready.clear();
        List<MuxStream> all = new ArrayList<>(streams.values());
        for (MuxStream stream : all) {
            removeAsReset(stream);
        }
        for (MuxStream stream : all) {
            if (stream.handler != null) {
                stream.handler.onReset(stream, ResetCode.TUNNEL_LOST, "tunnel lost");
            }
        }
    }

    // ---- inbound ----------------------------------------------------------------------------------

    /** Checks everything that makes the whole message unacceptable before acting on any frame. */
    private void checkTunnelRules(List<MuxFrame> frames) throws MuxException {
        int highest = highestPeerId;
        for (MuxFrame frame : frames) {
            if (frame instanceof MuxFrame.Open open) {
                // framing §3: the opener's parity; ids only grow
                if (role.owns(open.streamId())) {
                    throw new MuxException(MuxError.STREAM_ID_PARITY, "peer opened stream " + open.streamId()
                            + ", an id of this side (" + role + ")");
                }
                if (open.streamId() <= highest) {
                    throw new MuxException(MuxError.STREAM_ID_REUSED, "peer opened stream " + open.streamId()
                            + " after " + highest);
                }
                highest = open.streamId();
            } else if (frame instanceof MuxFrame.RatchetRequest && role == MuxRole.LISTENER) {
                // framing §6: only the dialing side starts ratchets, so only it receives requests
                throw new MuxException(MuxError.UNEXPECTED_FRAME, "RATCHET_REQUEST sent to the listening side");
            }
        }
    }

    private void dispatch(MuxFrame frame) {
        if (frame instanceof MuxFrame.Open open) {
            onOpen(open);
        } else if (frame instanceof MuxFrame.OpenOk ok) {
            onOpenOk(ok);
        } else if (frame instanceof MuxFrame.Data data) {
            onData(data);
        } else if (frame instanceof MuxFrame.Window window) {
            onWindow(window);
        } else if (frame instanceof MuxFrame.Close close) {
            onClose(close);
        } else if (frame instanceof MuxFrame.Reset reset) {
            onReset(reset);
        } else if (frame instanceof MuxFrame.RatchetRequest request) {
            control.onRatchetRequest(request.kind());
        } else if (frame instanceof MuxFrame.Ping ping) {
            queueControl(new MuxFrame.Pong(ping.token()));
        } else if (frame instanceof MuxFrame.Pong pong) {
            control.onPong(pong.token());
        }
    }

    private void onOpen(MuxFrame.Open open) {
        highestPeerId = open.streamId();
        if (peerStreams >= settings.maxPeerStreams()) {
            queueControl(MuxFrame.Reset.of(open.streamId(), ResetCode.TOO_MANY_STREAMS,
                    "at most " + settings.maxPeerStreams() + " streams"));
            return;
        }
        MuxStream stream = new MuxStream(this, open.streamId(), open.service(), open.parameter(), false,
                StreamState.AWAITING_ACCEPT, null, settings.receiveWindow());
        streams.put(stream.id(), stream);
        peerStreams++;
        servicesOf(stream).opened();
        stream.trafficCounters().opened();
        acceptor.onOpen(stream);
    }

    private void onOpenOk(MuxFrame.OpenOk ok) {
        MuxStream stream = streams.get(ok.streamId());
        if (stream == null) {
            unknownStream(ok.streamId());
            return;
        }
        if (stream.state != StreamState.OPENING) {
            protocolReset(stream, ResetCode.PROTOCOL_ERROR, "OPEN_OK for a stream in state " + stream.state);
            return;
        }
        stream.state = StreamState.OPEN;
        stream.handler.onOpened(stream);
    }

    private void onData(MuxFrame.Data data) {
        MuxStream stream = streams.get(data.streamId());
        if (stream == null) {
            unknownStream(data.streamId());
            return;
        }
        int length = data.bytes().length;
        if (stream.state == StreamState.OPENING) {
            protocolReset(stream, ResetCode.PROTOCOL_ERROR, "DATA before OPEN_OK");
            return;
        }
        if (stream.remoteClosed) {
            protocolReset(stream, ResetCode.STREAM_CLOSED, "DATA after CLOSE");
            return;
        }
        if (length > stream.peerCredit) {
            // framing §4: data beyond the window resets this stream only
            protocolReset(stream, ResetCode.FLOW_CONTROL_ERROR, length + " bytes sent with " + stream.peerCredit
                    + " credit");
            return;
        }
        stream.peerCredit -= length;
        stream.buffered += length;
        stream.trafficCounters().received(length);
        servicesOf(stream).received(length);
        if (stream.state == StreamState.AWAITING_ACCEPT) {
            stream.held.add(data.bytes());
        } else {
            stream.handler.onData(stream, data.bytes());
        }
    }

    private void onWindow(MuxFrame.Window window) {
        MuxStream stream = streams.get(window.streamId());
        if (stream == null) {
            unknownStream(window.streamId());
            return;
        }
        if ((long) stream.sendCredit + window.credit() > MuxLimits.MAX_WINDOW) {
            protocolReset(stream, ResetCode.FLOW_CONTROL_ERROR, "credit beyond " + MuxLimits.MAX_WINDOW);
            return;
        }
        stream.sendCredit += window.credit();
        schedule(stream);
    }

    private void onClose(MuxFrame.Close close) {
        MuxStream stream = streams.get(close.streamId());
        if (stream == null) {
            unknownStream(close.streamId());
            return;
        }
        if (stream.state == StreamState.OPENING) {
            protocolReset(stream, ResetCode.PROTOCOL_ERROR, "CLOSE before OPEN_OK");
            return;
        }
        if (stream.remoteClosed) {
            protocolReset(stream, ResetCode.STREAM_CLOSED, "second CLOSE");
            return;
        }
        stream.remoteClosed = true;
        if (stream.state == StreamState.OPEN) {
            stream.handler.onRemoteClose(stream);
            finishIfClosed(stream);
        }
    }

    private void onReset(MuxFrame.Reset reset) {
        MuxStream stream = streams.get(reset.streamId());
        if (stream == null) {
            return; // crossed with our own RESET or CLOSE; nothing left to tell
        }
        removeAsReset(stream);
        if (stream.handler != null) {
            stream.handler.onReset(stream, reset.code(), reset.text());
        }
    }

    /** A frame for a stream not in the table: late frames for a finished stream are dropped; others are misuse. */
    private void unknownStream(int streamId) {
        boolean used = role.owns(streamId) ? streamId < nextOwnId : streamId <= highestPeerId;
        if (!used) {
            queueControl(MuxFrame.Reset.of(streamId, ResetCode.PROTOCOL_ERROR, "no such stream"));
        }
    }

    /** The peer broke a rule for this stream: reset it, tell the peer and the local handler. */
    private void protocolReset(MuxStream stream, ResetCode code, String text) {
        removeAsReset(stream);
        queueControl(MuxFrame.Reset.of(stream.id(), code, text));
        if (stream.handler != null) {
            stream.handler.onReset(stream, code, text);
        }
    }

    // ---- calls from MuxStream -------------------------------------------------------------------------

    void accept(MuxStream stream, StreamHandler handler) {
        stream.handler = handler;
        stream.state = StreamState.OPEN;
        queueControl(new MuxFrame.OpenOk(stream.id()));
        grantExtraWindow(stream);
        while (!stream.held.isEmpty() && stream.state == StreamState.OPEN) {
            handler.onData(stream, stream.held.poll());
        }
        if (stream.state == StreamState.OPEN && stream.remoteClosed) {
            handler.onRemoteClose(stream);
            finishIfClosed(stream);
        }
        schedule(stream);
        flush();
    }

    boolean write(MuxStream stream, byte[] bytes, int offset, int length) {
        int highWater = settings.writeHighWater();
        if (stream.writeBlocked && stream.pendingBytes + length > 4L * highWater + MuxLimits.MAX_DATA) {
            throw new IllegalStateException("stream " + stream.id() + ": writes went on long after write() returned false");
        }
        if (length > 0) {
            stream.pending.add(Arrays.copyOfRange(bytes, offset, offset + length));
            stream.pendingBytes += length;
            schedule(stream);
            flush();
        }
        if (stream.state == StreamState.RESET) {
            return false;
        }
        // Stop the writer at the high-water mark, or at once while the tunnel takes nothing: then its
        // socket stops being read and the bytes wait in the kernel, not here. The bytes just queued
        // make sure the stream drains, and so hears onWritable, once the tunnel resumes.
        if (stream.pendingBytes >= highWater || (stream.pendingBytes > 0 && !sink.isWritable())) {
            stream.writeBlocked = true;
            return false;
        }
        return true;
    }

    void consumed(MuxStream stream, int count) {
        stream.buffered -= count;
        if (stream.remoteClosed) {
            return; // the peer sends nothing more; credit would be wasted
        }
        stream.grantPending += count;
        // Grant in batches of a quarter window: the peer still holds the rest of its window, so it is
        // never stuck waiting for us, and a small request/response costs no WINDOW message of its own
        // (one per request would double the tunnel messages of a polling master).
        if (stream.grantPending >= settings.receiveWindow() / 4) {
            grant(stream);
            flush();
        }
    }

    void close(MuxStream stream) {
        stream.closeRequested = true;
        if (stream.pendingBytes == 0) {
            queueControl(new MuxFrame.Close(stream.id()));
            stream.closeSent = true;
            finishIfClosed(stream);
        }
        flush();
    }

    void resetLocally(MuxStream stream, ResetCode code, String text) {
        removeAsReset(stream);
        if (!lost) {
            queueControl(MuxFrame.Reset.of(stream.id(), code, text));
            flush();
        }
    }

    // ---- stream bookkeeping --------------------------------------------------------------------------

    /** The receive window above the initial one is granted as soon as the stream may receive. */
    private void grantExtraWindow(MuxStream stream) {
        if (stream.grantPending > 0 && !stream.remoteClosed) {
            grant(stream);
        }
    }

    private void grant(MuxStream stream) {
        queueControl(new MuxFrame.Window(stream.id(), stream.grantPending));
        stream.peerCredit += stream.grantPending;
        stream.grantPending = 0;
    }

    private void finishIfClosed(MuxStream stream) {
        if (stream.closeSent && stream.remoteClosed && stream.state == StreamState.OPEN) {
            stream.state = StreamState.CLOSED;
            forget(stream);
        }
    }

    private void removeAsReset(MuxStream stream) {
        stream.state = StreamState.RESET;
        stream.pending.clear();
        stream.pendingBytes = 0;
        stream.held.clear();
        stream.trafficCounters().reset();
        servicesOf(stream).reset();
        forget(stream);
    }

    private void forget(MuxStream stream) {
        if (streams.remove(stream.id()) != null && !stream.isLocallyOpened()) {
            peerStreams--;
        }
    }

    private TrafficCounters servicesOf(MuxStream stream) {
        return services.computeIfAbsent(stream.service(), name -> new TrafficCounters());
    }

    private void schedule(MuxStream stream) {
        if (!stream.scheduled && canSendData(stream)) {
            stream.scheduled = true;
            ready.add(stream);
        }
    }

    private static boolean canSendData(MuxStream stream) {
        return (stream.state == StreamState.OPENING || stream.state == StreamState.OPEN)
                && stream.pendingBytes > 0 && stream.sendCredit > 0;
    }

    // ---- outbound -------------------------------------------------------------------------------------

    private void queueControl(MuxFrame frame) {
        controlQueue.add(frame);
        controlBytes += MuxCodec.encodedSize(frame);
    }

    /** Sends what may be sent, then tells blocked writers that have room again. Safe against re-entry. */
    private void flush() {
        if (flushing) {
            flushAgain = true;
            return;
        }
        flushing = true;
        try {
            do {
                flushAgain = false;
                sendMessages();
                notifyWritable();
            } while (flushAgain);
        } finally {
            flushing = false;
        }
    }

    private void sendMessages() {
        while (!lost && sink.isWritable() && (!controlQueue.isEmpty() || !ready.isEmpty())) {
            writer.reset();
            while (!controlQueue.isEmpty() && writer.append(controlQueue.peek())) {
                controlBytes -= MuxCodec.encodedSize(controlQueue.poll());
            }
            // Data only once every control frame is out: an OPEN must reach the peer before its DATA.
            while (controlQueue.isEmpty() && !ready.isEmpty() && writer.room() > MuxLimits.FRAME_HEADER_BYTES) {
                MuxStream stream = ready.poll();
                stream.scheduled = false;
                if (canSendData(stream)) {
                    sendChunk(stream);
                }
            }
            if (!writer.hasFrames()) {
                return;
            }
            sink.send(writer.toMessage());
        }
    }

    /** One round-robin turn of one stream: at most a chunk, within its credit and the message's room. */
    private void sendChunk(MuxStream stream) {
        long size = Math.min(Math.min(settings.chunkBytes(), stream.sendCredit),
                Math.min(stream.pendingBytes, writer.room() - MuxLimits.FRAME_HEADER_BYTES));
        int length = (int) size;
        writer.appendDataHeader(stream.id(), length);
        int left = length;
        while (left > 0) {
            byte[] head = stream.pending.peek();
            int take = Math.min(left, head.length - stream.headOffset);
            writer.appendBytes(head, stream.headOffset, take);
            stream.headOffset += take;
            left -= take;
            if (stream.headOffset == head.length) {
                stream.pending.poll();
                stream.headOffset = 0;
            }
        }
        stream.pendingBytes -= length;
        stream.sendCredit -= length;
        stream.trafficCounters().sent(length);
        servicesOf(stream).sent(length);
        if (stream.pendingBytes == 0 && stream.closeRequested && !stream.closeSent) {
            MuxFrame.Close close = new MuxFrame.Close(stream.id());
            if (!writer.append(close)) {
                queueControl(close); // next message; order with this stream's data is kept
            }
            stream.closeSent = true;
            finishIfClosed(stream);
        } else {
            schedule(stream);
        }
        if (stream.writeBlocked && stream.pendingBytes <= settings.writeHighWater() / 2) {
            stream.writeBlocked = false;
            becameWritable.add(stream);
        }
    }

    private void notifyWritable() {
        if (becameWritable.isEmpty()) {
            return;
        }
        List<MuxStream> notify = new ArrayList<>(becameWritable);
        becameWritable.clear();
        for (MuxStream stream : notify) {
            if (stream.state == StreamState.OPENING || stream.state == StreamState.OPEN) {
                stream.handler.onWritable(stream);
            }
        }
    }
}
