package io.pqagent.qsmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.ErrorPacket;
import io.pqagent.qsmp.wire.QsmpError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key lookup with candidates (profile rule 7), expiry, and how errors from the peer are reported (rule 8). */
class HandshakeBehaviourTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    private static final long NOW = HandshakeRun.NOW;

    private static HandshakeContext context(String seed, long now) {
        return new HandshakeContext(SET, MacMode.KMAC, Clock.fixed(now), new ShakeEntropy(seed));
    }

    private static SigningKeyRecord key(String seed, long expiration) {
        ShakeEntropy e = new ShakeEntropy(seed);
        return KeyGeneration.generate(SET, KeyId.random(e), expiration, e);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Drives a Duplex client against a server until one of them is done; returns the last step. */
    private static Step drive(DuplexClientHandshake client, HandshakeMachine server) {
        Step step = client.start();
        boolean toServer = true;
        while (step instanceof Step.Send send) {
            step = toServer ? server.process(send.packet()) : client.process(send.packet());
            toServer = !toServer;
        }
        if (step instanceof Step.Established est && est.packet() != null) {
            return client.process(est.packet());
        }
        return step;
    }

    @Test
    void duplexServerTriesEveryCandidateUntilOneVerifies() {
        SigningKeyRecord caller = key("caller", NOW + 1000);
        SigningKeyRecord listener = key("listener", NOW + 1000);
        List<byte[]> candidates = new ArrayList<>();
        candidates.add(key("someone-else", NOW + 1000).verificationKey());
        candidates.add(caller.verificationKey());
        DuplexServerHandshake server = new DuplexServerHandshake(context("s", NOW), listener,
                (kid, addr) -> candidates, null);
        Step last = drive(new DuplexClientHandshake(context("c", NOW), caller, listener.publicRecord()), server);
        assertThat(last).isInstanceOf(Step.Established.class);
        assertThat(server.clientVerificationKey()).isEqualTo(caller.verificationKey());
    }

    @Test
    void duplexServerWithNoCandidateSaysKeyUnrecognized() {
        SigningKeyRecord listener = key("listener", NOW + 1000);
        DuplexServerHandshake server = new DuplexServerHandshake(context("s", NOW), listener, (kid, addr) -> List.of(), null);
        Step last = drive(new DuplexClientHandshake(context("c", NOW), key("caller", NOW + 1000), listener.publicRecord()), server);
        assertThat(((Step.Failed) last).error()).isEqualTo(QsmpError.KEY_UNRECOGNIZED);
        assertThat(((Step.Failed) last).errorPacket()).isEqualTo(ErrorPacket.of(QsmpError.KEY_UNRECOGNIZED, NOW).encode());
    }

    @Test
    void duplexServerWhoseCandidatesAllFailSaysAuthenticationFailure() {
        SigningKeyRecord listener = key("listener", NOW + 1000);
        byte[] stranger = key("stranger", NOW + 1000).verificationKey();
        DuplexServerHandshake server = new DuplexServerHandshake(context("s", NOW), listener, KeyQuery.of(stranger), null);
        Step last = drive(new DuplexClientHandshake(context("c", NOW), key("caller", NOW + 1000), listener.publicRecord()), server);
        assertThat(((Step.Failed) last).error()).isEqualTo(QsmpError.AUTHENTICATION_FAILURE);
        assertThat(server.state()).isEqualTo(DuplexServerState.FAILED);
    }

    @Test
    void duplexClientRefusesAnExpiredListenerKeyBeforeSendingAnything() {
        SigningKeyRecord listener = key("listener", NOW - 1);
        DuplexClientHandshake client = new DuplexClientHandshake(context("c", NOW), key("caller", NOW + 1000),
                listener.publicRecord());
        Step first = client.start();
        assertThat(((Step.Failed) first).error()).isEqualTo(QsmpError.KEY_EXPIRED);
        assertThat(client.state()).isEqualTo(DuplexClientState.FAILED);
    }

    @Test
    void duplexServerRefusesWhenItsOwnKeyHasExpired() {
        SigningKeyRecord caller = key("caller", NOW + 1000);
        SigningKeyRecord listener = key("listener", NOW - 1);
        PublicKeyRecord stillValidForClient = new PublicKeyRecord(NOW + 1000, listener.config(), listener.keyId(),
                listener.verificationKey());
        DuplexServerHandshake server = new DuplexServerHandshake(context("s", NOW), listener,
                KeyQuery.of(caller.verificationKey()), null);
        Step last = drive(new DuplexClientHandshake(context("c", NOW), caller, stillValidForClient), server);
        assertThat(((Step.Failed) last).error()).isEqualTo(QsmpError.KEY_EXPIRED);
    }

    @Test
    void clientReportsThePeersErrorCodeAndDoesNotAnswer() {
        SigningKeyRecord listener = key("listener", NOW + 1000);
        DuplexClientHandshake client = new DuplexClientHandshake(context("c", NOW), key("caller", NOW + 1000),
                listener.publicRecord());
        client.start();
        Step step = client.process(ErrorPacket.of(QsmpError.UNKNOWN_PROTOCOL, NOW).encode());
        assertThat(step).isEqualTo(new Step.Failed(QsmpError.UNKNOWN_PROTOCOL, "peer reported unknown_protocol", null));
    }

    @Test
    void simplexServerRejectsAForeignKeyId() {
        SigningKeyRecord server = key("server", NOW + 1000);
        PublicKeyRecord wrongId = new PublicKeyRecord(NOW + 1000, server.config(), KeyId.random(new ShakeEntropy("x")),
                server.verificationKey());
        SimplexClientHandshake client = new SimplexClientHandshake(context("c", NOW), wrongId);
        Step reply = new SimplexServerHandshake(context("s", NOW), server).process(((Step.Send) client.start()).packet());
        assertThat(((Step.Failed) reply).error()).isEqualTo(QsmpError.KEY_UNRECOGNIZED);
    }

    @Test
    void duplexServerFailsClosedWhenTheKeyQueryThrows() {
        SigningKeyRecord listener = key("listener", NOW + 1000);
        DuplexServerHandshake server = new DuplexServerHandshake(context("s", NOW), listener, (kid, addr) -> {
            throw new IllegalStateException("directory unreachable");
        }, null);
        Step last = drive(new DuplexClientHandshake(context("c", NOW), key("caller", NOW + 1000), listener.publicRecord()), server);
        assertThat(((Step.Failed) last).error()).isEqualTo(QsmpError.KEY_UNRECOGNIZED);
    }

    @Test
    void clientRefusesASignedButMalformedEphemeralKey() {
        SigningKeyRecord listener = key("listener", NOW + 1000);
        DuplexClientHandshake client = new DuplexClientHandshake(context("c", NOW), key("caller", NOW + 1000),
                listener.publicRecord());
        client.start();
        // a genuine signature over a public key whose coefficients are all out of range (FIPS 203 check)
        byte[] badKey = new byte[SET.kemAlgorithm().publicKeySize()];
        java.util.Arrays.fill(badKey, (byte) 0xFF);
        int payload = SET.signatureAlgorithm().signatureSize() + 64 + badKey.length;
        io.pqagent.qsmp.wire.PacketHeader h = new io.pqagent.qsmp.wire.PacketHeader(
                io.pqagent.qsmp.wire.Flag.CONNECT_RESPONSE, payload, 0, NOW);
        byte[] signed = listener.signHash(io.pqagent.qsmp.crypto.Sha3.sha512(h.encode(), badKey), new ShakeEntropy("sig"));
        byte[] packet = new io.pqagent.qsmp.wire.Packet(h,
                concat(signed, badKey)).encode();
        Step step = client.process(packet);
        assertThat(((Step.Failed) step).error()).isEqualTo(QsmpError.EXCHANGE_FAILURE);
    }

    @Test
    void constantTimeBlockPathTalksToTheTablePathAcrossARatchet() throws Exception {
        SigningKeyRecord caller = key("caller", NOW + 1000);
        SigningKeyRecord listener = key("listener", NOW + 1000);
        HandshakeContext ct = new HandshakeContext(SET, MacMode.KMAC, io.pqagent.qsmp.crypto.BlockPath.CONSTANT_TIME,
                Clock.fixed(NOW), new ShakeEntropy("c"));
        HandshakeContext table = context("s", NOW);
        DuplexClientHandshake client = new DuplexClientHandshake(ct, caller, listener.publicRecord());
        DuplexServerHandshake server = new DuplexServerHandshake(table, listener, KeyQuery.of(caller.verificationKey()), null);
        Step.Send connect = (Step.Send) client.start();
        Step.Send response = (Step.Send) server.process(connect.packet());
        Step.Send exchange = (Step.Send) client.process(response.packet());
        Step.Send exchangeResponse = (Step.Send) server.process(exchange.packet());
        Step.Send establish = (Step.Send) client.process(exchangeResponse.packet());
        Step.Established serverDone = (Step.Established) server.process(establish.packet());
        Step.Established clientDone = (Step.Established) client.process(serverDone.packet());
        try (io.pqagent.qsmp.session.Session a = new io.pqagent.qsmp.session.Session(clientDone.result(), ct,
                        io.pqagent.qsmp.wire.Limits.DEFAULT);
                io.pqagent.qsmp.session.Session b = new io.pqagent.qsmp.session.Session(serverDone.result(), table,
                        io.pqagent.qsmp.wire.Limits.DEFAULT)) {
            b.receive(a.startSymmetricRatchet());
            byte[] big = new byte[5000];
            java.util.Arrays.fill(big, (byte) 0x5A);
            assertThat(((io.pqagent.qsmp.session.Received.Data) b.receive(a.encrypt(big))).message()).isEqualTo(big);
            assertThat(((io.pqagent.qsmp.session.Received.Data) a.receive(b.encrypt(big))).message()).isEqualTo(big);
        }
    }

    @Test
    void aHandshakePacketOfTheWrongSizeIsAReceiveFailure() {
        SigningKeyRecord listener = key("listener", NOW + 1000);
        DuplexServerHandshake server = new DuplexServerHandshake(context("s", NOW), listener, (k, a) -> List.of(), null);
        Step step = server.process(new byte[10]);
        assertThat(((Step.Failed) step).error()).isEqualTo(QsmpError.RECEIVE_FAILURE);
    }
}
