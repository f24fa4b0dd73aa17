package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.WellBehavedClient.PATIENT;
import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.handshake.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thousand connections that never say a word occupy a thousand handshake slots and nothing else: no
 * thread waits on them, so a well-behaved client still connects and exchanges a message while they
 * are all pending (the deadline is far away, so none of them has been dropped yet).
 */
class SilentConnectionsTest {
    private static final int SILENT = 1_000;
    private static QsmpNetwork net;

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(2, 2);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"DUPLEX", "SIMPLEX"})
    void aThousandSilentConnectionsDoNotStopAWellBehavedClient(Mode mode) throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = mode == Mode.DUPLEX ? WellBehavedClient.duplexEchoServer(net, PATIENT, atServer)
                : WellBehavedClient.simplexEchoServer(net, PATIENT, atServer)) {
            List<RawConnection> silent = new ArrayList<>();
            try {
                for (int i = 0; i < SILENT; i++) {
                    silent.add(RawConnection.connect(TransportFixture.at(server)));
                }
                Poll.until("all silent connections accepted", WAIT, () -> server.handshakesInProgress() == SILENT,
                        () -> server.handshakesInProgress() + " in progress");

                WellBehavedClient.Open client = mode == Mode.DUPLEX ? WellBehavedClient.duplexOpen(net, server)
                        : WellBehavedClient.simplexOpen(net, server);
                client.roundTrip("through the crowd");
                assertThat(server.tunnels()).hasSize(1);
                assertThat(server.handshakesInProgress()).as("the silent ones are still pending").isEqualTo(SILENT);
                client.closeOrderly();
            } finally {
                for (RawConnection r : silent) {
                    r.close();
                }
            }
            Poll.until("every silent connection released", WAIT, () -> server.handshakesInProgress() == 0,
                    () -> server.handshakesInProgress() + " in progress");
        }
    }
}
