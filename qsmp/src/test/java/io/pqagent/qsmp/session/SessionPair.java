package io.pqagent.qsmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeResult;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.SessionFixture;
import io.pqagent.qsmp.wire.Limits;

/** A client and a server session established in memory through the real handshake machines. */
record SessionPair(Session client, Session server) implements AutoCloseable {

    static SessionPair establish(Mode mode, ParameterSet set, MacMode mac, String seed) {
        HandshakeResult[] r = SessionFixture.handshake(mode, set, mac, seed);
        assertThat(r).isNotNull();
        return new SessionPair(
                new Session(r[0], SessionFixture.clientContext(set, mac, seed), Limits.DEFAULT),
                new Session(r[1], SessionFixture.serverContext(set, mac, seed), Limits.DEFAULT));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
