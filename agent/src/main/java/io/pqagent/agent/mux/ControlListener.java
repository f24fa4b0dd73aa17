package io.pqagent.agent.mux;

/** Receives the control frames that concern the tunnel rather than one stream. */
public interface ControlListener {

    /** The listening peer asks this (dialing) side to start a ratchet. */
    void onRatchetRequest(RatchetKind kind);

    /** The answer to {@link Multiplexer#ping(long)}. */
    default void onPong(long token) {
    }

    /** A listener that ignores everything, for tunnels where nobody asks. */
    ControlListener NONE = kind -> {
    };
}
