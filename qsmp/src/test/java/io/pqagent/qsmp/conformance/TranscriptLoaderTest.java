package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every reference transcript loads, and the model holds the values the files hold. */
class TranscriptLoaderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long CLOCK = 1_760_000_000L;
    private static final long KEY_EXPIRATION = CLOCK + 31_536_000L;

    @Test
    void loadsAllTwelveReferenceTranscripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedProtocol.dir().resolve("transcripts"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(12);
        for (Path file : files) {
            Transcript t = TranscriptLoader.load(file);
            String base = file.getFileName().toString().replace(".json", "");
            assertThat(t.caseName()).isEqualTo(base);
            assertThat(t.utctime()).isEqualTo(CLOCK);
            assertThat(t.negative()).isEqualTo(base.startsWith("neg-"));
            assertThat(t.keys().server().expiration()).isEqualTo(KEY_EXPIRATION);
            assertThat(t.packets()).isNotEmpty();
        }
    }

    @Test
    void duplexDefaultCaseHoldsItsPacketsKeysAndSecrets() throws IOException {
        Transcript t = TranscriptLoader.load(SharedProtocol.transcript("duplex-mlkem1024-mldsa87"));

        assertThat(t.mode()).isEqualTo(TranscriptMode.DUPLEX);
        assertThat(t.config().text()).isEqualTo("dilithium-s5_kyber-s5_sha3_rcs");
        assertThat(t.config().field48()).hasSize(48);
        assertThat(t.seeds().client()).isEqualTo("qsmp-kat-client-duplex-mlkem1024-mldsa87");
        assertThat(t.seeds().get(Side.SERVER)).isEqualTo("qsmp-kat-server-duplex-mlkem1024-mldsa87");
        assertThat(t.tamper()).isNull();

        assertThat(t.packets()).hasSize(20);
        TranscriptPacket first = t.packets().get(0);
        assertThat(HEX.formatHex(first.header())).isEqualTo("019312000000000000000000000078e76800000000");
        assertThat(first.direction()).isEqualTo(PacketDirection.C2S);
        assertThat(first.flagCode()).isEqualTo(Flag.CONNECT_REQUEST.code());
        assertThat(first.msglen()).isEqualTo(4755);
        assertThat(first.payload()).hasSize(4755);
        assertThat(first.wireBytes()).hasSize(4776);
        assertThat(first.encryption()).isNull();
        assertThat(t.packets(PacketDirection.C2S)).hasSize(11);
        assertThat(t.packets(PacketDirection.S2C)).hasSize(9);

        TranscriptPacket establish = t.packets().get(4);
        assertThat(establish.flagCode()).isEqualTo(Flag.ESTABLISH_REQUEST.code());
        assertThat(establish.encryption().plaintext()).hasSize(64);
        assertThat(establish.encryption().tag()).hasSize(64);
        assertThat(establish.encryption().senderCounterAfter()).isEqualTo(65);
        assertThat(establish.encryption().receiverDecryptOk()).isTrue();
        // QSMP-WIRE: the establish request encrypts the session cookie hash
        assertThat(establish.encryption().plaintext()).isEqualTo(t.secrets().client().summary().sch());

        TranscriptPacket keepAlive = t.packets().get(6);
        assertThat(keepAlive.direction()).isEqualTo(PacketDirection.S2C);
        assertThat(HEX.formatHex(keepAlive.payload())).isEqualTo("0078e76800000000");
        assertThat(keepAlive.utctime()).isZero();

        TranscriptPacket terminate = t.packets().get(19);
        assertThat(terminate.flagCode()).isEqualTo(Flag.CONNECTION_TERMINATE.code());
        assertThat(terminate.sequence()).isEqualTo(QsmpConstants.SEQUENCE_TERMINATOR);
        assertThat(terminate.payload()).isEmpty();

        LongTermKeys client = t.keys().client();
        assertThat(HEX.formatHex(client.keyId())).isEqualTo("6a315cb489431d64e7937c43b22a3304");
        assertThat(client.config()).isEqualTo(t.config().field48());
        assertThat(client.verificationKey()).hasSize(2592);
        assertThat(client.qskeyFile()).hasSize(7560);
        assertThat(client.qpkeyFile()).hasSize(3746);
        assertThat(new String(client.qpkeyFile(), 0, client.qpkeyText().length(), StandardCharsets.US_ASCII))
                .isEqualTo(client.qpkeyText());

        SideSecrets cs = t.secrets().client();
        SideSecrets ss = t.secrets().server();
        assertThat(cs.summary().sch()).hasSize(64).isEqualTo(ss.summary().sch());
        assertThat(cs.summary().sec()).isNull();
        assertThat(cs.kdfEpochs()).extracting(KdfEpoch::trigger)
                .containsExactly("handshake", "symmetric_ratchet", "asymmetric_ratchet");
        KdfEpoch handshake = cs.kdfEpochs().get(0);
        assertThat(handshake.rate()).isEqualTo(72);
        assertThat(handshake.output()).hasSize(216);
        assertThat(handshake.x()).isEqualTo(cs.summary().seca());
        assertThat(handshake.n()).isEqualTo(cs.summary().sch());
        assertThat(handshake.s()).isEqualTo(cs.summary().secb());
        assertThat(handshake.inputs()).containsOnlyKeys("sch", "seca", "secb");
        // what the client sends with, the server receives with
        assertThat(handshake.tx().key()).isEqualTo(ss.kdfEpochs().get(0).rx().key());
        assertThat(handshake.tx().nonce()).isEqualTo(ss.kdfEpochs().get(0).rx().nonce());
        assertThat(cs.checkpoints()).extracting(StateCheckpoint::name).first().isEqualTo("session_established");
        assertThat(cs.checkpoints().get(0).txseq()).isEqualTo(3);

        assertThat(t.sentBy(Side.CLIENT).get(0).data()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.applicationMessages()).hasSize(16);

        assertThat(t.randomRequests().client()).extracting(RandomRequest::offset)
                .containsExactly(0L, 16L, 48L, 80L, 144L, 176L);
        assertThat(t.randomRequests().client().get(3).length()).isEqualTo(64);

        OutcomeEvent kex = t.outcome().client().get(0);
        assertThat(kex.event()).isEqualTo("kex_result");
        assertThat(kex.ret()).isZero();
        assertThat(kex.retName()).isEqualTo("none");
    }

    @Test
    void signatureFlipCaseHoldsTheErrorPacketAndTheOriginalBytes() throws IOException {
        Transcript t = TranscriptLoader.load(SharedProtocol.transcript("neg-duplex-connect-sigflip"));

        assertThat(t.tamper().spec()).isEqualTo("01:1:185:xor:01");
        TranscriptPacket tampered = t.packets().get(0);
        byte[] sent = tampered.wireBytes();
        byte[] original = tampered.tamperedOriginal();
        assertThat(original).hasSameSizeAs(sent);
        for (int i = 0; i < sent.length; i++) {
            assertThat(sent[i] ^ original[i]).as("byte %d", i).isEqualTo(i == 185 ? 1 : 0);
        }

        TranscriptPacket error = t.packets().get(1);
        assertThat(error.flagCode()).isEqualTo(Flag.ERROR_CONDITION.code());
        assertThat(error.sequence()).isEqualTo(QsmpConstants.ERROR_SEQUENCE);
        assertThat(HEX.formatHex(error.wireBytes())).isEqualTo("ff0100000000000000000000ff0078e7680000000002");

        assertThat(t.secrets().client().summary().empty()).isTrue();
        assertThat(t.secrets().server().kdfEpochs()).isEmpty();
        assertThat(t.outcome().server()).extracting(OutcomeEvent::retName).contains("authentication_failure");
    }

    @Test
    void simplexCaseHasNoClientKeyAndOneSharedSecret() throws IOException {
        Transcript t = TranscriptLoader.load(SharedProtocol.transcript("simplex-mlkem512-mldsa44"));

        assertThat(t.mode()).isEqualTo(TranscriptMode.SIMPLEX);
        assertThat(t.keys().client()).isNull();
        assertThat(t.packets()).hasSize(9);
        SecretSummary summary = t.secrets().server().summary();
        assertThat(summary.sec()).isNotNull();
        assertThat(summary.seca()).isNull();
        assertThat(t.secrets().client().kdfEpochs().get(0).rate()).isEqualTo(136);
        assertThat(t.secrets().client().kdfEpochs().get(0).s()).isEmpty();
        assertThat(t.randomRequests().client()).singleElement()
                .satisfies(r -> assertThat(r.length()).isEqualTo(32));
    }
}
