package io.pqagent.agent.mux;

import java.util.ArrayDeque;
import java.util.Random;

/**
 * Two multiplexers back to back, in memory: each direction is an in-order queue of tunnel messages,
 * delivered only when the test pumps, so nothing is re-entrant and a test decides how directions
 * interleave (a "delay queue": messages wait until the pump picks their direction).
 */
final class InMemoryTunnel {
    final Multiplexer dialer;
    final Multiplexer listener;
    private final ArrayDeque<byte[]> toListener = new ArrayDeque<>();
    private final ArrayDeque<byte[]> toDialer = new ArrayDeque<>();
    private final Random random;
    boolean dialerWritable = true;
    boolean listenerWritable = true;
    long messagesDelivered;
    long bytesDelivered;

    InMemoryTunnel(MuxSettings settings, StreamAcceptor dialerAcceptor, StreamAcceptor listenerAcceptor,
            ControlListener dialerControl, ControlListener listenerControl, long seed) {
        random = new Random(seed);
        dialer = new Multiplexer(MuxRole.DIALER, settings, sink(toListener, true), dialerAcceptor, dialerControl);
        listener = new Multiplexer(MuxRole.LISTENER, settings, sink(toDialer, false), listenerAcceptor,
                listenerControl);
    }

    InMemoryTunnel(StreamAcceptor listenerAcceptor) {
        this(MuxSettings.DEFAULT, stream -> stream.reset(ResetCode.UNKNOWN_SERVICE, "none"), listenerAcceptor,
                ControlListener.NONE, ControlListener.NONE, 1);
    }

    private FrameSink sink(ArrayDeque<byte[]> queue, boolean fromDialer) {
        return new FrameSink() {
            @Override
            public void send(byte[] message) {
                if (!isWritable()) {
                    throw new AssertionError("the multiplexer sent while its tunnel was not writable");
                }
                queue.add(message);
            }

            @Override
            public boolean isWritable() {
                return fromDialer ? dialerWritable : listenerWritable;
            }
        };
    }

    int queued() {
        return toListener.size() + toDialer.size();
    }

    /** Delivers one message, from a randomly chosen direction that has one. */
    boolean deliverOne() {
        boolean listenerSide = !toListener.isEmpty() && (toDialer.isEmpty() || random.nextBoolean());
        ArrayDeque<byte[]> queue = listenerSide ? toListener : toDialer;
        byte[] message = queue.poll();
        if (message == null) {
            return false;
        }
        deliver(listenerSide ? listener : dialer, message);
        return true;
    }

    /** Delivers the listener's queue, oldest first; returns how many messages. */
    int deliverAllToListener() {
        int n = 0;
        for (byte[] message = toListener.poll(); message != null; message = toListener.poll(), n++) {
            deliver(listener, message);
        }
        return n;
    }

    /** Delivers the next message for the dialer, if any. */
    boolean deliverOneToDialer() {
        byte[] message = toDialer.poll();
        if (message != null) {
            deliver(dialer, message);
        }
        return message != null;
    }

    private void deliver(Multiplexer to, byte[] message) {
        messagesDelivered++;
        bytesDelivered += message.length;
        try {
            to.onMessage(message);
        } catch (MuxException e) {
            throw new AssertionError("a correct peer sent a malformed message", e);
        }
    }

    /** Delivers until both directions are empty; returns how many messages. */
    int pump() {
        int n = 0;
        while (deliverOne()) {
            n++; // keep going: deliveries cause more messages until the streams settle
        }
        return n;
    }

    /** Takes the next message the dialer sent, without delivering it. */
    byte[] takeFromDialer() {
        return toListener.poll();
    }

    /** Takes the next message the listener sent, without delivering it. */
    byte[] takeFromListener() {
        return toDialer.poll();
    }

    void loseTunnel() {
        toListener.clear();
        toDialer.clear();
        dialer.tunnelLost();
        listener.tunnelLost();
    }
}
