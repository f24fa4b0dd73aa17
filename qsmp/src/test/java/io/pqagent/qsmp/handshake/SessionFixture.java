package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.wire.Clock;

/** Established handshake results for session tests (the machines' contexts are rebuilt by seed). */
public final class SessionFixture {
    private SessionFixture() {
    }

    /** Runs a real in-memory handshake; returns {client, server} results. */
    public static HandshakeResult[] handshake(Mode mode, ParameterSet set, MacMode mac, String seed) {
        HandshakeRun run = new HandshakeRun(mode, set, mac, seed).run();
        if (!run.established()) {
            throw new AssertionError("handshake failed: " + run.failure);
        }
        return new HandshakeResult[] {run.clientDone.result(), run.serverDone.result()};
    }

    /** A context for the session phase of the client (fresh entropy, same fixed clock). */
    public static HandshakeContext clientContext(ParameterSet set, MacMode mac, String seed) {
        return new HandshakeContext(set, mac, Clock.fixed(HandshakeRun.NOW), new ShakeEntropy("session-client-" + seed));
    }

    public static HandshakeContext serverContext(ParameterSet set, MacMode mac, String seed) {
        return new HandshakeContext(set, mac, Clock.fixed(HandshakeRun.NOW), new ShakeEntropy("session-server-" + seed));
    }

    public static long now() {
        return HandshakeRun.NOW;
    }
}
