package io.pqagent.qsmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.session.Session;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.QsmpException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Untrusted bytes into every machine that reads from the network first: the Duplex and Simplex servers
 * (any first packet), the clients after their connect request, and an established session. A machine
 * must answer with a {@link Step} and a session with a {@link QsmpException}; nothing else may escape.
 * Regression inputs live in {@code HandshakeFuzzTestInputs/<method>}.
 */
class HandshakeFuzzTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    @FuzzTest
    void serversAnswerAnyFirstPacketWithAStep(byte[] input) {
        for (Mode mode : Mode.values()) {
            HandshakeRun run = new HandshakeRun(mode, SET, MacMode.KMAC, "fuzz");
            assertThat(run.serverMachine.process(input)).isNotNull();
        }
    }

    @FuzzTest
    void clientsAnswerAnyResponseWithAStep(byte[] input) {
        for (Mode mode : Mode.values()) {
            HandshakeRun run = new HandshakeRun(mode, SET, MacMode.KMAC, "fuzz");
            run.client.start();
            assertThat(run.clientMachine.process(input)).isNotNull();
        }
    }

    /** One handshake per mode; every input gets a server session on fresh copies of its ciphers. */
    private static final Map<Mode, HandshakeResult> ESTABLISHED = new EnumMap<>(Mode.class);

    @FuzzTest
    void sessionsOnlyRejectWithAProtocolError(byte[] input) {
        for (Mode mode : Mode.values()) {
            HandshakeResult r = ESTABLISHED.computeIfAbsent(mode,
                    m -> SessionFixture.handshake(m, SET, MacMode.KMAC, "fuzz-session")[1]);
            CipherPair c = r.ciphers();
            HandshakeResult fresh = new HandshakeResult(r.mode(), r.role(), r.parameterSet(), r.macMode(),
                    new CipherPair(c.tx().copy(), c.rx().copy(), SecretBytes.wrap(c.rtcs().copy())),
                    r.txSequence(), r.rxSequence(), r.localKey(), r.peerVerificationKey());
            try (Session s = new Session(fresh, SessionFixture.serverContext(SET, MacMode.KMAC, "f"), new Limits(4096))) {
                s.receive(input);
            } catch (QsmpException expected) {
                assertThat(expected.error()).isNotNull();
            }
        }
    }
}
