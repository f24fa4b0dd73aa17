package io.pqagent.agent.mux;

/**
 * Decides on streams the peer opens: the hook where a service lookup and a stream filter plug in.
 * The stream arrives in {@link StreamState#AWAITING_ACCEPT}; the acceptor calls
 * {@link MuxStream#accept(StreamHandler)} or {@link MuxStream#reset(ResetCode, String)}, now or later
 * (e.g. once its target connection succeeded or was refused), on the multiplexer's thread.
 * Data the peer sends meanwhile is held within the initial window and delivered on accept.
 */
@FunctionalInterface
public interface StreamAcceptor {

    void onOpen(MuxStream stream);
}
