package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static io.pqagent.keystore.IdentityStoreTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and export of the reference's key files, against the C reference's own files recorded in the
 * transcripts: a reference {@code .qskey} imported and exported again is byte-identical, and so is the
 * {@code .qpkey} we write for it.
 */
class ReferenceKeyFilesTest {
    private static final String CASE = "duplex-mlkem1024-mldsa87";

    @TempDir
    Path root;

    private final ShakeEntropy entropy = new ShakeEntropy("reference-key-files-test");

    private static JsonNode serverKey() throws IOException {
        String shared = System.getProperty("qsmp.shared");
        assertThat(shared).as("system property qsmp.shared (set by the parent POM)").isNotNull();
        Path transcript = Path.of(shared, "protocol", "transcripts", CASE + ".json");
        assertThat(transcript).as("reference transcript").isRegularFile();
        return new ObjectMapper().readTree(transcript.toFile()).get("keys").get("server");
    }

    private static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    private Path referenceQskey(JsonNode key) throws IOException {
        Path file = root.resolve("server.qskey");
        Files.write(file, hex(key.get("qskey_file_hex")));
        Fixtures.chmod(file, "rw-------");
        return file;
    }

    private IdentityStore store(ParameterSet set, long now) {
        return new IdentityStore(root.resolve("identity"), new IdentityPolicy(set, Duration.ofDays(7)),
                new TestClock(now), entropy);
    }

    @Test
    void aReferenceQskeyImportsAndExportsByteForByte() throws Exception {
        JsonNode key = serverKey();
        Path qskey = referenceQskey(key);
        String before = Fixtures.digest(qskey);
        long beforeExpiry = key.get("expiration").asLong() - 86_400;
        try (PassphraseUnlock p = passphrase("import"); IdentityStore store = store(ParameterSet.DEFAULT, beforeExpiry)) {
            Identity imported = store.importQskey(qskey, p);
            assertThat(imported.keyId().hex()).isEqualTo(key.get("key_id").asText());
            assertThat(imported.expiration()).isEqualTo(key.get("expiration").asLong());
        }
        Fixtures.assertSameBytes(qskey, before);
        try (PassphraseUnlock p = passphrase("import"); IdentityStore store = store(ParameterSet.DEFAULT, beforeExpiry)) {
            store.load(p);
            Path outSecret = root.resolve("out.qskey");
            Path outPublic = root.resolve("out.qpkey");
            store.exportQskey(outSecret);
            store.exportQpkey(outPublic);
            assertThat(Files.readAllBytes(outSecret)).isEqualTo(hex(key.get("qskey_file_hex")));
            assertThat(Files.readAllBytes(outPublic)).isEqualTo(hex(key.get("qpkey_file_hex")));
            assertThat(Fixtures.mode(outSecret)).isEqualTo("rw-------");
            assertThat(Fixtures.mode(outPublic)).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aCreatedIdentityExportsFilesTheReferenceReaderAccepts() throws Exception {
        Path dir = root.resolve("identity");
        try (PassphraseUnlock p = passphrase("x");
                IdentityStore store = new IdentityStore(dir, IdentityStoreTest.POLICY, new TestClock(), entropy)) {
            Identity created = store.create(p, 30);
            Identity next = store.prepareNext(60);
            store.exportQskey(root.resolve("a.qskey"));
            store.exportQpkey(next.keyId(), root.resolve("next.qpkey"));
            try (SigningKeyRecord back = KeyFiles.readQskey(root.resolve("a.qskey"))) {
                assertThat(back.publicRecord()).isEqualTo(created.publicRecord());
                assertThat(back.signingKey().bytes()).isEqualTo(created.signingKey().signingKey().bytes());
            }
            assertThat(KeyFiles.readQpkey(root.resolve("next.qpkey"))).isEqualTo(next.publicRecord());
        }
    }

    @Test
    void importRefusesAnotherConfigurationAnExpiredKeyAndAnExposedFile() throws Exception {
        JsonNode key = serverKey();
        Path qskey = referenceQskey(key);
        String before = Fixtures.digest(qskey);
        long expiration = key.get("expiration").asLong();
        try (PassphraseUnlock p = passphrase("import")) {
            try (IdentityStore store = store(ParameterSet.DILITHIUM_S3_KYBER_S3, expiration - 1)) {
                assertThat(refusal(() -> store.importQskey(qskey, p))).isEqualTo(KeystoreError.WRONG_CONFIGURATION);
            }
            try (IdentityStore store = store(ParameterSet.DEFAULT, expiration + 1)) {
                assertThat(refusal(() -> store.importQskey(qskey, p))).isEqualTo(KeystoreError.EXPIRED);
            }
            try (IdentityStore store = store(ParameterSet.DEFAULT, expiration)) {
                Fixtures.chmod(qskey, "rw-r--r--");
                assertThat(refusal(() -> store.importQskey(qskey, p))).isEqualTo(KeystoreError.INSECURE_PERMISSIONS);
                Fixtures.chmod(qskey, "rw-------");
                Path garbage = root.resolve("garbage.qskey");
                Files.write(garbage, new byte[100]);
                Fixtures.chmod(garbage, "rw-------");
                assertThat(refusal(() -> store.importQskey(garbage, p)))
                        .isEqualTo(KeystoreError.BAD_REFERENCE_KEY_FILE);
                assertThat(root.resolve("identity").resolve(IdentityStore.CURRENT_FILE)).doesNotExist();
                store.importQskey(qskey, p); // the last second of validity still counts (now <= expiration)
                assertThat(refusal(() -> store.importQskey(qskey, p))).isEqualTo(KeystoreError.IDENTITY_EXISTS);
            }
        }
        Fixtures.assertSameBytes(qskey, before);
    }
}
