package io.pqagent.agent.mux;

/**
 * Where a {@link Multiplexer} puts its outgoing tunnel messages. The multiplexer only sends while
 * {@link #isWritable()} is true and keeps the rest in its own bounded queues; when the tunnel can take
 * more again, its owner calls {@link Multiplexer#tunnelWritable()}.
 */
public interface FrameSink {

    /** Hands one tunnel message (ownership passes to the sink). Must not call back into the multiplexer. */
    void send(byte[] message);

    /** Whether the tunnel wants more messages now (e.g. Netty's {@code Channel.isWritable()}). */
    boolean isWritable();
}
