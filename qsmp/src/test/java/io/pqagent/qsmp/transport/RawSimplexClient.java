package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.SET;
import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.session.Received;
import io.pqagent.qsmp.session.Session;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.PacketHeader;
import java.net.InetSocketAddress;

/**
 * A Simplex client that completes a real handshake over a {@link RawConnection} and keeps the session,
 * so that a test can speak correctly first and then break the rules on an established tunnel.
 */
final class RawSimplexClient implements AutoCloseable {
    final RawConnection raw;
    final Session session;

    private RawSimplexClient(RawConnection raw, Session session) {
        this.raw = raw;
        this.session = session;
    }

    static RawSimplexClient establish(InetSocketAddress server) throws Exception {
        HandshakeContext ctx = context(SET);
        SimplexClientHandshake machine = new SimplexClientHandshake(ctx, key(SET, "server").publicRecord());
        RawConnection raw = RawConnection.connect(server);
        Step step = machine.start();
        while (step instanceof Step.Send send) {
            raw.write(send.packet());
            step = machine.process(raw.readFor(machine, WAIT));
        }
        assertThat(step).as("raw client's handshake").isInstanceOf(Step.Established.class);
        return new RawSimplexClient(raw, new Session(((Step.Established) step).result(), ctx, Limits.DEFAULT));
    }

    /** Sends {@code message} through the session and checks the server's echo. */
    void roundTrip(byte[] message) throws Exception {
        raw.write(session.encrypt(message));
        byte[] packet = raw.readTunnelPacket(WAIT);
        Received r = session.receive(packet);
        assertThat(r).isInstanceOf(Received.Data.class);
        assertThat(((Received.Data) r).message()).isEqualTo(message);
    }

    /** The header of a tunnel packet the server would accept next, but with {@code msglen} as given. */
    PacketHeader nextHeader(io.pqagent.qsmp.wire.Flag flag, long msglen) {
        return new PacketHeader(flag, msglen, session.txSequence() + 1, System.currentTimeMillis() / 1000);
    }

    @Override
    public void close() throws Exception {
        session.close();
        raw.close();
    }
}
