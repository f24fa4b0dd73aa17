package io.pqagent.qsmp.keys;

import static io.pqagent.qsmp.wire.Transcripts.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.wire.Transcripts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our key generation and both file formats against every long-term key of the positive transcripts
 * (transcripts/README.md §5.1): same seed stream, same clock, byte-identical {@code .qskey} and
 * {@code .qpkey}, and both files read back to the same record.
 */
class TranscriptKeysTest {
    private static final long EXPIRATION = 1_791_536_000L;

    static List<Arguments> keys() {
        List<Arguments> out = new ArrayList<>();
        for (String c : Transcripts.positiveCases()) {
            for (String side : List.of("client", "server")) {
                if (!Transcripts.load(c).get("keys").get(side).isNull()) {
                    out.add(Arguments.of(c, side));
                }
            }
        }
        assertThat(out).hasSize(12); // 4 duplex cases x 2 sides + 4 simplex servers
        return out;
    }

    private static SigningKeyRecord generate(JsonNode t, String side) {
        ShakeEntropy entropy = new ShakeEntropy(t.get("seeds").get(side).asText());
        ParameterSet set = ParameterSet.byText(t.get("config_string").get("text").asText()).orElseThrow();
        KeyId keyId = KeyId.random(entropy);
        SigningKeyRecord key = KeyGeneration.generate(set, keyId, EXPIRATION, entropy);
        assertThat(entropy.consumed()).as("key id 16 + ML-DSA seed 32").isEqualTo(48);
        return key;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keys")
    void generatesTheReferenceQskey(String caseName, String side) throws KeyFileException {
        JsonNode t = Transcripts.load(caseName);
        JsonNode k = t.get("keys").get(side);
        try (SigningKeyRecord key = generate(t, side)) {
            assertThat(key.keyId().hex()).isEqualTo(k.get("key_id").asText());
            assertThat(key.expiration()).isEqualTo(k.get("expiration").asLong());
            assertThat(key.config().field()).isEqualTo(hex(k.get("config_hex")));
            assertThat(key.signingKey().bytes()).isEqualTo(hex(k.get("signing_key_hex")));
            assertThat(key.verificationKey()).isEqualTo(hex(k.get("verification_key_hex")));

            byte[] file = Qskey.encode(key);
            assertThat(file).isEqualTo(hex(k.get("qskey_file_hex")));
            assertThat(file).hasSize(k.get("qskey_file_size").asInt()).hasSize(Qskey.size(key.parameterSet()));

            try (SigningKeyRecord back = Qskey.decode(file)) {
                assertThat(back.publicRecord()).isEqualTo(key.publicRecord());
                assertThat(back.signingKey().bytes()).isEqualTo(key.signingKey().bytes());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keys")
    void generatesTheReferenceQpkey(String caseName, String side) throws KeyFileException {
        JsonNode t = Transcripts.load(caseName);
        JsonNode k = t.get("keys").get(side);
        try (SigningKeyRecord key = generate(t, side)) {
            PublicKeyRecord pub = key.publicRecord();
            String text = Qpkey.encodeText(pub);
            assertThat(text).isEqualTo(k.get("qpkey_text").asText());

            byte[] file = Qpkey.encodeFile(pub);
            assertThat(file).isEqualTo(hex(k.get("qpkey_file_hex")));
            assertThat(file).hasSize(k.get("qpkey_file_size").asInt()).hasSize(Qpkey.fileSize(pub.parameterSet()));
            int nuls = k.get("qpkey_trailing_nul_bytes").asInt();
            assertThat(file.length - text.length()).isEqualTo(nuls).isEqualTo(49 - pub.config().text().length());

            assertThat(Qpkey.decode(file)).isEqualTo(pub);
            assertThat(Qpkey.decode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(pub);
            assertThat(Qpkey.decode(text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII))).isEqualTo(pub);
            byte[] upperHostId = text.replace(pub.keyId().hex(), pub.keyId().hex().toUpperCase(java.util.Locale.ROOT))
                    .getBytes(StandardCharsets.US_ASCII);
            assertThat(Qpkey.decode(upperHostId)).isEqualTo(pub);
        }
    }

    /** What the peer's C decoder read back from our bytes is what we read back. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keys")
    void readsTheReferenceFilesAsThePeerDid(String caseName, String side) throws KeyFileException {
        JsonNode k = Transcripts.load(caseName).get("keys").get(side);
        JsonNode peer = k.get("qpkey_decoded_by_peer");
        PublicKeyRecord pub = Qpkey.decode(hex(k.get("qpkey_file_hex")));
        assertThat(pub.keyId().hex()).isEqualTo(peer.get("key_id").asText());
        assertThat(pub.expiration()).isEqualTo(peer.get("expiration").asLong());
        assertThat(pub.config().field()).isEqualTo(hex(peer.get("config_hex")));
        assertThat(peer.get("verification_key_matches").asBoolean()).isTrue();
        assertThat(pub.verificationKey()).isEqualTo(hex(k.get("verification_key_hex")));

        byte[] qskey = hex(k.get("qskey_file_hex"));
        try (SigningKeyRecord key = Qskey.decode(qskey)) {
            assertThat(key.publicRecord()).isEqualTo(pub);
            assertThat(key.signingKey().bytes()).isEqualTo(hex(k.get("signing_key_hex")));
        } finally {
            Arrays.fill(qskey, (byte) 0);
        }
    }
}
