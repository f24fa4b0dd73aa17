package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from the C reference (transcripts/README.md): every KEM operation and every signature of
 * every positive transcript, replayed with our crypto package on the recorded random bytes. Same keys,
 * ciphertexts, shared secrets and signed messages prove that Bouncy Castle, driven as we drive it,
 * reproduces QSC.
 */
class TranscriptPrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    // ---- the transcripts (self-contained: crypto tests depend on nothing outside crypto) ----

    static Path transcripts() {
        String prop = System.getProperty("qsmp.shared");
        assertThat(prop).as("system property qsmp.shared (set by the parent POM)").isNotNull();
        Path dir = Path.of(prop, "protocol", "transcripts");
        assertThat(dir).as("shared protocol transcripts").isDirectory();
        return dir;
    }

    static List<String> positiveCases() {
        try (Stream<Path> files = Files.list(transcripts())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("neg-"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(names).hasSize(8);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode transcript(String caseName) {
        return CACHE.computeIfAbsent(caseName, n -> {
            try {
                return JSON.readTree(transcripts().resolve(n + ".json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static byte[] hex(JsonNode node) {
        assertThat(node).as("hex field").isNotNull();
        return HEX.parseHex(node.asText());
    }

    static ParameterSet parameterSet(JsonNode t) {
        return ParameterSet.byText(t.get("config_string").get("text").asText()).orElseThrow();
    }

    static List<Arguments> sides() {
        List<Arguments> out = new ArrayList<>();
        for (String c : positiveCases()) {
            out.add(Arguments.of(c, "client"));
            out.add(Arguments.of(c, "server"));
        }
        return out;
    }

    // ---- replays ----

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sides")
    void kemOperationsReproduceTheReference(String caseName, String side) throws DecapsulationException {
        JsonNode t = transcript(caseName);
        Kem kem = parameterSet(t).kem();
        JsonNode ops = t.get("secrets").get(side).get("kem_operations");
        assertThat(ops.size()).isPositive();
        byte[] privateKey = null;
        for (JsonNode op : ops) {
            String what = caseName + " " + side + " " + op.get("op").asText() + " @" + op.path("rng_offset").asText();
            switch (op.get("op").asText()) {
                case "keygen" -> {
                    RecordedEntropy rng = RecordedEntropy.of(t, side, op);
                    KemKeyPair kp = kem.generateKeyPair(rng);
                    rng.assertAllDrawn();
                    assertThat(kp.publicKey()).as(what).isEqualTo(hex(op.get("public_key_hex")));
                    assertThat(kp.privateKey().bytes()).as(what).isEqualTo(hex(op.get("private_key_hex")));
                    assertThat(kp.publicKey()).hasSize(kem.publicKeySize());
                    assertThat(kp.privateKey().length()).isEqualTo(kem.privateKeySize());
                    privateKey = kp.privateKey().copy();
                    kp.privateKey().close();
                }
                case "encapsulate" -> {
                    RecordedEntropy rng = RecordedEntropy.of(t, side, op);
                    Encapsulation enc = kem.encapsulate(encapsulationKey(t, op), rng);
                    rng.assertAllDrawn();
                    assertThat(enc.ciphertext()).as(what).isEqualTo(hex(op.get("ciphertext_hex")))
                            .hasSize(kem.ciphertextSize());
                    assertThat(enc.sharedSecret().bytes()).as(what).isEqualTo(hex(op.get("shared_secret_hex")));
                }
                case "decapsulate" -> {
                    assertThat(op.get("ok").asBoolean()).isTrue();
                    assertThat(privateKey).as("%s: a keygen precedes every decapsulation", what).isNotNull();
                    SecretBytes ss = kem.decapsulate(privateKey, hex(op.get("ciphertext_hex")));
                    assertThat(ss.bytes()).as(what).isEqualTo(hex(op.get("shared_secret_hex")));
                }
                default -> throw new AssertionError("unknown KEM operation " + op);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sides")
    void signaturesReproduceTheReference(String caseName, String side) {
        JsonNode t = transcript(caseName);
        Signer signer = parameterSet(t).signer();
        String peer = side.equals("client") ? "server" : "client";
        JsonNode ops = t.get("secrets").get(side).get("signatures");
        assertThat(ops.size()).isPositive();
        for (JsonNode op : ops) {
            switch (op.get("op").asText()) {
                case "sign" -> {
                    byte[] sk = hex(t.get("keys").get(side).get("signing_key_hex"));
                    byte[] hash = hex(op.get("message_hex"));
                    assertThat(op.get("rng_bytes").asInt()).isZero();
                    byte[] signed = signer.signHash(sk, hash, RecordedEntropy.none());
                    assertThat(signed).as("%s %s sign", caseName, side).isEqualTo(hex(op.get("signed_message_hex")));
                    assertThat(signed).hasSize(signer.signatureSize() + hash.length);
                    assertThat(op.get("signature_len").asInt()).isEqualTo(signer.signatureSize());
                }
                case "verify" -> {
                    assertThat(op.get("ok").asBoolean()).isTrue();
                    byte[] expected = hex(op.get("recovered_message_hex"));
                    byte[] signed = signedMessageOf(t, peer, expected);
                    byte[] vk = hex(t.get("keys").get(peer).get("verification_key_hex"));
                    assertThat(signer.openSignedHash(vk, signed, 0, expected.length)).as("%s %s verify", caseName, side)
                            .isEqualTo(expected);
                    signed[signer.signatureSize() / 2] ^= 0x01;
                    assertThat(signer.openSignedHash(vk, signed, 0, expected.length)).as("flipped signature").isNull();
                }
                default -> throw new AssertionError("unknown signature operation " + op);
            }
        }
    }

    /** Rule 9: a ciphertext that does not decrypt is a failure, not BC's pseudo-random rejection key. */
    @ParameterizedTest
    @MethodSource("positiveCasesOnePerKem")
    void flippedCiphertextFailsDecapsulation(String caseName) throws DecapsulationException {
        JsonNode t = transcript(caseName);
        Kem kem = parameterSet(t).kem();
        JsonNode ops = t.get("secrets").get("server").get("kem_operations");
        byte[] sk = null;
        byte[] ct = null;
        for (JsonNode op : ops) {
            if (op.get("op").asText().equals("keygen")) {
                sk = hex(op.get("private_key_hex"));
            } else if (op.get("op").asText().equals("decapsulate")) {
                ct = hex(op.get("ciphertext_hex"));
                break;
            }
        }
        assertThat(sk).isNotNull();
        assertThat(ct).isNotNull();
        assertThat(kem.decapsulate(sk, ct).bytes()).hasSize(Kem.SHARED_SECRET_SIZE); // untouched: fine
        for (int position : new int[] {0, ct.length / 2, ct.length - 1}) {
            byte[] bad = ct.clone();
            bad[position] ^= 0x01;
            byte[] key = sk;
            assertThatThrownBy(() -> kem.decapsulate(key, bad)).as("%s byte %d", caseName, position)
                    .isInstanceOf(DecapsulationException.class);
        }
    }

    /** The three ML-KEM levels and McEliece 6688128 (no keygen needed: the transcript holds the key). */
    static List<String> positiveCasesOnePerKem() {
        return positiveCases().stream().filter(c -> c.startsWith("simplex-")).toList();
    }

    @Test
    void decapsulationRefusesWrongSizes() {
        Kem kem = ParameterSet.DEFAULT.kem();
        assertThatThrownBy(() -> kem.decapsulate(new byte[kem.privateKeySize()], new byte[kem.ciphertextSize() - 1]))
                .isInstanceOf(DecapsulationException.class);
    }

    // ---- helpers ----

    /** The recipient's public key of an encapsulation; large keys are recorded only by SHA3-256. */
    private static byte[] encapsulationKey(JsonNode t, JsonNode op) {
        if (op.has("public_key_hex")) {
            return hex(op.get("public_key_hex"));
        }
        byte[] digest = hex(op.get("public_key_sha3_256"));
        for (String side : List.of("client", "server")) {
            for (JsonNode other : t.get("secrets").get(side).get("kem_operations")) {
                if (other.get("op").asText().equals("keygen")) {
                    byte[] pk = hex(other.get("public_key_hex"));
                    if (java.util.Arrays.equals(Sha3.sha256(pk), digest)) {
                        return pk;
                    }
                }
            }
        }
        throw new AssertionError("no keygen in the transcript has public key SHA3-256 " + op.get("public_key_sha3_256"));
    }

    /** The peer's signed message ({@code sig ‖ hash}) for {@code hash}. */
    private static byte[] signedMessageOf(JsonNode t, String signerSide, byte[] hash) {
        for (JsonNode op : t.get("secrets").get(signerSide).get("signatures")) {
            if (op.get("op").asText().equals("sign") && java.util.Arrays.equals(hex(op.get("message_hex")), hash)) {
                return hex(op.get("signed_message_hex"));
            }
        }
        throw new AssertionError(signerSide + " never signed " + HEX.formatHex(hash));
    }

    /**
     * Hands out the random requests the reference recorded for one operation, and checks that our code
     * asks for them in the same sizes and order and takes all of them.
     */
    static final class RecordedEntropy implements EntropySource {
        private final Deque<byte[]> requests;
        private final String label;

        private RecordedEntropy(Deque<byte[]> requests, String label) {
            this.requests = requests;
            this.label = label;
        }

        /** An operation that must not draw anything (ML-DSA signing is deterministic). */
        static RecordedEntropy none() {
            return new RecordedEntropy(new ArrayDeque<>(), "an operation that draws nothing");
        }

        static RecordedEntropy of(JsonNode t, String side, JsonNode op) {
            long start = op.get("rng_offset").asLong();
            long end = start + op.get("rng_bytes").asLong();
            Deque<byte[]> requests = new ArrayDeque<>();
            long covered = start;
            for (JsonNode r : t.get("random_requests").get(side)) {
                long off = r.get("offset").asLong();
                if (off >= start && off < end) {
                    assertThat(off).as("recorded requests are contiguous").isEqualTo(covered);
                    byte[] b = hex(r.get("bytes_hex"));
                    assertThat(b).hasSize(r.get("length").asInt());
                    requests.add(b);
                    covered += b.length;
                }
            }
            assertThat(covered).as("requests cover rng bytes [%d, %d)", start, end).isEqualTo(end);
            return new RecordedEntropy(requests, side + " @" + start);
        }

        @Override
        public void nextBytes(byte[] out) {
            byte[] next = requests.pollFirst();
            if (next == null) {
                throw new AssertionError(label + ": drew " + out.length + " bytes more than the reference");
            }
            if (next.length != out.length) {
                throw new AssertionError(label + ": drew " + out.length + " bytes where the reference drew "
                        + next.length);
            }
            System.arraycopy(next, 0, out, 0, out.length);
        }

        void assertAllDrawn() {
            assertThat(requests).as("%s: requests left undrawn", label).isEmpty();
        }
    }
}
