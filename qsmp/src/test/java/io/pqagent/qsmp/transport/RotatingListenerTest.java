package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.at;
import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A Duplex listener during an identity rotation answers with either key: the caller's key id (the
 * listener's own, profile rule 7) picks the key, and the caller authenticates the listener with the key
 * it holds. When the old key is retired, callers that still hold it are refused.
 */
class RotatingListenerTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    @Test
    void bothIdentitiesAnswerDuringTheOverlapAndOnlyTheNewOneAfterIt() throws Exception {
        SigningKeyRecord oldKey = key(SET, "listener-old");
        SigningKeyRecord newKey = key(SET, "listener-new");
        SigningKeyRecord caller = key(SET, "caller");
        AtomicReference<List<SigningKeyRecord>> active = new AtomicReference<>(List.of(newKey, oldKey));
        try (QsmpNetwork net = QsmpNetwork.create(1, 1);
                QsmpServer server = net.listenDuplex(context(SET), active::get, KeyQuery.of(caller.verificationKey()),
                        TransportFixture.IPV4, TransportSettings.DEFAULTS, TunnelHandler.ignoring())) {
            for (SigningKeyRecord listener : List.of(oldKey, newKey)) {
                Tunnel t = net.connectDuplex(context(SET), caller, listener.publicRecord(), at(server),
                        TransportSettings.DEFAULTS, TunnelHandler.ignoring()).get(20, TimeUnit.SECONDS);
                assertThat(t.peerVerificationKey()).isEqualTo(listener.verificationKey());
                t.close().get(20, TimeUnit.SECONDS);
            }
            active.set(List.of(newKey)); // the old identity is retired
            TransportIntegrationTest.assertFailsWith(net.connectDuplex(context(SET), caller, oldKey.publicRecord(),
                    at(server), TransportSettings.DEFAULTS, TunnelHandler.ignoring()),
                    io.pqagent.qsmp.wire.QsmpError.AUTHENTICATION_FAILURE);
        }
    }
}
