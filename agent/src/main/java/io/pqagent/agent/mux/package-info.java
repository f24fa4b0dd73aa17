/**
 * The stream framing carried inside a tunnel's encrypted messages, and the {@link
 * io.pqagent.agent.mux.Multiplexer} that runs many TCP streams over one tunnel (docs/agent-framing.md).
 *
 * <p>No sockets and no Netty here: the tunnel side is a {@link io.pqagent.agent.mux.FrameSink} plus
 * calls to {@code onMessage}, {@code tunnelWritable} and {@code tunnelLost}; the local side is a
 * {@link io.pqagent.agent.mux.StreamHandler} per stream and a {@link io.pqagent.agent.mux.StreamAcceptor}
 * for streams the peer opens.
 *
 * <p>Thread model: a multiplexer and its streams are confined to one thread, the tunnel's event loop.
 * Every method is called there and every callback runs there, synchronously, inside the call that
 * caused it (a callback may call back in: sending is guarded against re-entry). Nothing blocks. The
 * only state read from other threads is {@link io.pqagent.agent.mux.TrafficCounters} (atomics).
 * {@link io.pqagent.agent.mux.FrameSink#send} must not call back into the multiplexer synchronously.
 */
package io.pqagent.agent.mux;
