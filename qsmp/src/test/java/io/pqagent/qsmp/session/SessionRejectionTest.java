package io.pqagent.qsmp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.HandshakeResult;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.SessionFixture;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.LittleEndian;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tunnel packets that must be refused, with the codes of profile rule 8 (replay or reorder 0x17, stale
 * 0x06, short read or msglen below the tag 0x19, bad tag 0x02). A refusal closes the session.
 */
class SessionRejectionTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    private static SessionPair pair(Mode mode) {
        return SessionPair.establish(mode, SET, MacMode.KMAC, "reject-" + mode);
    }

    private static void assertRejected(Session s, byte[] packet, QsmpError code) {
        assertThatThrownBy(() -> s.receive(packet))
                .isInstanceOfSatisfying(QsmpException.class, e -> assertThat(e.error()).isEqualTo(code));
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rejectsReplayedPacket(Mode mode) throws QsmpException {
        try (SessionPair p = pair(mode)) {
            byte[] first = p.client().encrypt("one".getBytes());
            p.server().receive(first);
            assertRejected(p.server(), first, QsmpError.PACKET_UNSEQUENCED);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rejectsReorderedPackets(Mode mode) {
        try (SessionPair p = pair(mode)) {
            p.client().encrypt("one".getBytes());
            byte[] second = p.client().encrypt("two".getBytes());
            assertRejected(p.server(), second, QsmpError.PACKET_UNSEQUENCED);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rejectsStalePacket(Mode mode) {
        HandshakeResult[] r = SessionFixture.handshake(mode, SET, MacMode.KMAC, "stale-" + mode);
        HandshakeContext late = new HandshakeContext(SET, MacMode.KMAC, Clock.fixed(SessionFixture.now() - 61),
                SessionFixture.clientContext(SET, MacMode.KMAC, "x").entropy());
        try (Session client = new Session(r[0], late, Limits.DEFAULT);
                Session server = new Session(r[1], SessionFixture.serverContext(SET, MacMode.KMAC, "s"), Limits.DEFAULT)) {
            assertRejected(server, client.encrypt("late".getBytes()), QsmpError.MESSAGE_TIME_INVALID);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rejectsFlippedTagAndSendsNothing(Mode mode) {
        try (SessionPair p = pair(mode)) {
            byte[] packet = p.client().encrypt("hello".getBytes());
            packet[packet.length - 1] ^= 1;
            assertRejected(p.server(), packet, QsmpError.AUTHENTICATION_FAILURE);
            assertThatThrownBy(() -> p.server().encrypt("x".getBytes())).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rejectsTruncatedPacket(Mode mode) {
        try (SessionPair p = pair(mode)) {
            byte[] packet = p.client().encrypt("hello".getBytes());
            assertRejected(p.server(), Arrays.copyOf(packet, packet.length - 1), QsmpError.RECEIVE_FAILURE);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rejectsMsglenShorterThanTheTag(Mode mode) {
        try (SessionPair p = pair(mode)) {
            byte[] packet = p.client().encrypt("hello".getBytes());
            int tag = mode == Mode.DUPLEX ? 64 : 32;
            byte[] shortened = Arrays.copyOf(packet, 21 + tag - 1);
            LittleEndian.putInt(shortened, 1, tag - 1);
            assertRejected(p.server(), shortened, QsmpError.RECEIVE_FAILURE);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void refusesEmptyAndOversizedMessages(Mode mode) {
        try (SessionPair p = pair(mode)) {
            assertThatThrownBy(() -> p.client().encrypt(new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> p.client().encrypt(new byte[Limits.DEFAULT_MAX_TUNNEL_MESSAGE]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(p.client().state()).isEqualTo(SessionState.OPEN);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void keepAliveIsAnsweredAndChecked(Mode mode) throws QsmpException {
        try (SessionPair p = pair(mode)) {
            byte[] request = p.server().sendKeepAlive();
            Received reply = p.client().receive(request);
            byte[] echo = ((Received.KeepAliveRequest) reply).reply();
            assertThat(echo[0]).isEqualTo((byte) 0x0C);
            assertThat(Arrays.copyOfRange(echo, 1, echo.length)).isEqualTo(Arrays.copyOfRange(request, 1, request.length));
            assertThat(p.server().receive(echo)).isEqualTo(new Received.KeepAliveAnswered(0));
            assertThat(p.server().keepAlivePending()).isFalse();
            byte[] second = p.server().sendKeepAlive();
            byte[] forged = second.clone();
            forged[0] = 0x0C;
            forged[forged.length - 1] ^= 1;
            assertRejected(p.server(), forged, QsmpError.BAD_KEEP_ALIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void terminateClosesBothSides(Mode mode) throws QsmpException {
        try (SessionPair p = pair(mode)) {
            byte[] bye = p.client().terminate();
            assertThat(bye).containsExactly(0x03, 0, 0, 0, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            assertThat(p.server().receive(bye)).isInstanceOf(Received.Terminated.class);
            assertThat(p.client().state()).isEqualTo(SessionState.CLOSED);
            assertThat(p.server().state()).isEqualTo(SessionState.CLOSED);
        }
    }

    @org.junit.jupiter.api.Test
    void simplexRefusesRatchets() throws QsmpException {
        try (SessionPair p = pair(Mode.SIMPLEX)) {
            assertThatThrownBy(() -> p.client().startSymmetricRatchet()).isInstanceOf(IllegalStateException.class);
            try (SessionPair d = pair(Mode.DUPLEX)) {
                byte[] duplexRatchet = d.client().startSymmetricRatchet();
                duplexRatchet[5] = 3; // the sequence the Simplex server expects next
                assertRejected(p.server(), duplexRatchet, QsmpError.INVALID_REQUEST);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void duplexQmacTagFieldCarriesZerosAfterTheTag() throws QsmpException {
        try (SessionPair p = SessionPair.establish(Mode.DUPLEX, SET, MacMode.QMAC, "qmac")) {
            byte[] packet = p.client().encrypt("hello".getBytes());
            assertThat(packet).hasSize(21 + 5 + 64);
            assertThat(Arrays.copyOfRange(packet, 21 + 5 + 32, packet.length)).containsOnly(0);
            assertThat(((Received.Data) p.server().receive(packet)).message()).isEqualTo("hello".getBytes());
        }
    }
}
