package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating and loading identities: survives a restart, and every refusal leaves the file as it was. */
class IdentityStoreTest {
    static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1; // small keys keep the tests quick
    static final IdentityPolicy POLICY = new IdentityPolicy(SET, Duration.ofDays(7));

    @TempDir
    Path root;

    private final TestClock clock = new TestClock();
    private final ShakeEntropy entropy = new ShakeEntropy("identity-store-test");

    private Path dir() {
        return root.resolve("identity");
    }

    private IdentityStore store(IdentityPolicy policy) {
        return new IdentityStore(dir(), policy, clock, entropy);
    }

    private KeyId createWith(Unlock unlock) throws KeystoreException {
        try (IdentityStore store = store(POLICY)) {
            Identity created = store.create(unlock, 365);
            assertThat(created.expiration()).isEqualTo(TestClock.START + 365 * TestClock.DAY);
            assertThat(created.createdAt()).isEqualTo(TestClock.START);
            assertThat(created.publishedAt()).isEmpty();
            return created.keyId();
        }
    }

    @Test
    void anIdentityCreatedWithAPassphraseLoadsAfterARestartAndSigns() throws Exception {
        KeyId keyId;
        byte[] verificationKey;
        try (PassphraseUnlock p = passphrase("agent passphrase"); IdentityStore store = store(POLICY)) {
            Identity created = store.create(p, 365);
            keyId = created.keyId();
            verificationKey = created.publicRecord().verificationKey();
        }
        assertThat(Fixtures.mode(dir())).isEqualTo("rwx------");
        assertThat(Fixtures.mode(dir().resolve(IdentityStore.CURRENT_FILE))).isEqualTo("rw-------");
        try (PassphraseUnlock p = passphrase("agent passphrase"); IdentityStore store = store(POLICY)) {
            Identity loaded = store.load(p);
            assertThat(loaded.keyId()).isEqualTo(keyId);
            assertThat(loaded.publicRecord().verificationKey()).isEqualTo(verificationKey);
            assertThat(loaded.createdAt()).isEqualTo(TestClock.START);
            assertThat(store.phase()).isEqualTo(RotationPhase.STEADY);
            assertThat(store.activeIdentities()).containsExactly(loaded);
            assertThat(store.preferred()).isSameAs(loaded);
            byte[] hash = new byte[64];
            byte[] signed = loaded.signingKey().signHash(hash, entropy);
            assertThat(SET.signer().openSignedHash(verificationKey, signed, 0, hash.length)).isEqualTo(hash);
            assertThat(loaded.toString()).contains(keyId.hex()).contains("<secret>");
        }
    }

    @Test
    void anIdentityCreatedWithAKeyFileLoadsWithThatKeyFileOnly() throws Exception {
        Path keyFile = root.resolve("agent.key");
        KeyId keyId;
        try (KeyFileUnlock k = Unlock.createKeyFile(keyFile, entropy)) {
            keyId = createWith(k);
        }
        try (KeyFileUnlock k = Unlock.keyFile(keyFile); IdentityStore store = store(POLICY)) {
            assertThat(store.load(k).keyId()).isEqualTo(keyId);
        }
        try (PassphraseUnlock p = passphrase("x"); IdentityStore store = store(POLICY)) {
            assertThat(refusal(() -> store.load(p))).isEqualTo(KeystoreError.WRONG_UNLOCK_METHOD);
        }
    }

    @Test
    void refusalsOnLoadLeaveTheFileUntouched() throws Exception {
        try (PassphraseUnlock p = passphrase("right")) {
            createWith(p);
        }
        Path current = dir().resolve(IdentityStore.CURRENT_FILE);
        String before = Fixtures.digest(current);
        try (PassphraseUnlock wrong = passphrase("wrong"); IdentityStore store = store(POLICY)) {
            assertThat(refusal(() -> store.load(wrong))).isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
            assertThat(store.current()).isNull();
        }
        try (PassphraseUnlock p = passphrase("right");
                IdentityStore store = store(new IdentityPolicy(ParameterSet.DEFAULT, Duration.ofDays(7)))) {
            KeystoreException e = catchThrowableOfType(KeystoreException.class, () -> store.load(p));
            assertThat(e.error()).isEqualTo(KeystoreError.WRONG_CONFIGURATION);
            assertThat(e.getMessage()).contains(SET.config().text()).contains(ParameterSet.DEFAULT.config().text());
        }
        Fixtures.chmod(current, "rw-r--r--");
        try (PassphraseUnlock p = passphrase("right"); IdentityStore store = store(POLICY)) {
            assertThat(refusal(() -> store.load(p))).isEqualTo(KeystoreError.INSECURE_PERMISSIONS);
        }
        assertThat(Fixtures.mode(current)).isEqualTo("rw-r--r--");
        Fixtures.assertSameBytes(current, before);
    }

    @Test
    void aTruncatedIdentityFileIsReportedAsTruncated() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            createWith(p);
            Path current = dir().resolve(IdentityStore.CURRENT_FILE);
            byte[] whole = Files.readAllBytes(current);
            Files.write(current, Arrays.copyOf(whole, whole.length / 2));
            try (IdentityStore store = store(POLICY)) {
                assertThat(refusal(() -> store.load(p))).isEqualTo(KeystoreError.TRUNCATED);
            }
        }
    }

    @Test
    void anEmptyOrMissingStoreHasNoIdentityAndAFullOneRefusesASecond() throws Exception {
        try (PassphraseUnlock p = passphrase("p"); IdentityStore store = store(POLICY)) {
            assertThat(refusal(() -> store.load(p))).isEqualTo(KeystoreError.NO_IDENTITY);
            assertThat(refusal(() -> store.prepareNext(30))).isEqualTo(KeystoreError.NO_IDENTITY);
            store.create(p, 30);
            assertThat(refusal(() -> store.create(p, 30))).isEqualTo(KeystoreError.IDENTITY_EXISTS);
        }
    }

    @Test
    void closingTheStoreWipesTheSigningKeys() throws Exception {
        Identity identity;
        try (PassphraseUnlock p = passphrase("p"); IdentityStore store = store(POLICY)) {
            identity = store.create(p, 30);
            assertThat(identity.signingKey().isClosed()).isFalse();
        }
        assertThat(identity.signingKey().isClosed()).isTrue();
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    static KeystoreError refusal(Step step) {
        try {
            step.run();
            return null;
        } catch (KeystoreException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError("expected a KeystoreException, got " + e, e);
        }
    }
}
