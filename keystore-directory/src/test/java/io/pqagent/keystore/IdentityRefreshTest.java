package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static io.pqagent.keystore.IdentityStoreTest.POLICY;
import static io.pqagent.keystore.IdentityStoreTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running agent's store ("daemon") follows a rotation that another process ("operator", the command line)
 * steps in the same directory: {@link IdentityStore#refresh} takes in each step, keeps the key objects live
 * sessions sign with, opens only changed files, and wipes only what the other process retired.
 */
class IdentityRefreshTest {
    @TempDir
    Path root;

    private final TestClock clock = new TestClock();
    private final ShakeEntropy entropy = new ShakeEntropy("refresh-test");
    private PassphraseUnlock unlock;
    private PassphraseUnlock wrong;
    private IdentityStore daemon;

    @BeforeEach
    void createAndLoad() throws KeystoreException {
        unlock = passphrase("refresh");
        wrong = passphrase("not the passphrase");
        try (IdentityStore first = new IdentityStore(dir(), POLICY, clock, entropy)) {
            first.create(unlock, 90);
        }
        daemon = new IdentityStore(dir(), POLICY, clock, entropy);
        daemon.load(unlock);
    }

    @AfterEach
    void close() {
        daemon.close();
        unlock.close();
        wrong.close();
    }

    private Path dir() {
        return root.resolve("identity");
    }

    /** The command line: a store of its own, one step, closed again. */
    private void operator(Step step) throws KeystoreException {
        try (IdentityStore cli = new IdentityStore(dir(), POLICY, clock, entropy)) {
            cli.load(unlock);
            step.on(cli);
        }
    }

    @FunctionalInterface
    private interface Step {
        void on(IdentityStore store) throws KeystoreException;
    }

    @Test
    void followsEveryStepTheOtherProcessTakesAndKeepsTheKeysInUse() throws Exception {
        Identity first = daemon.current();
        SigningKeyRecord firstKey = first.signingKey();
        KeyId old = first.keyId();

        // nothing changed: nothing is opened, so even a wrong passphrase does no harm
        assertThat(daemon.refresh(wrong)).isEmpty();
        assertThat(daemon.current()).isSameAs(first);

        operator(cli -> cli.prepareNext(90));
        assertThat(daemon.refresh(unlock)).isEmpty();
        assertThat(daemon.phase()).isEqualTo(RotationPhase.PREPARED);
        assertThat(daemon.current().signingKey()).isSameAs(firstKey);
        KeyId fresh = daemon.next().orElseThrow().keyId();
        SigningKeyRecord freshKey = daemon.next().orElseThrow().signingKey();

        clock.advanceSeconds(30);
        operator(IdentityStore::markNextPublished);
        assertThat(daemon.refresh(unlock)).isEmpty();
        assertThat(daemon.phase()).isEqualTo(RotationPhase.OVERLAP);
        assertThat(daemon.next().orElseThrow().publishedAt()).hasValue(clock.utcSeconds());
        assertThat(daemon.next().orElseThrow().signingKey()).as("the same key object, not a copy").isSameAs(freshKey);
        assertThat(daemon.preferred().keyId()).isEqualTo(fresh);
        assertThat(daemon.activeIdentities()).extracting(Identity::keyId).containsExactly(fresh, old);

        operator(IdentityStore::retireEarly);
        assertThat(daemon.refresh(unlock)).containsExactly(old);
        assertThat(daemon.phase()).isEqualTo(RotationPhase.STEADY);
        assertThat(daemon.current().keyId()).isEqualTo(fresh);
        assertThat(daemon.current().signingKey()).isSameAs(freshKey);
        assertThat(freshKey.isClosed()).isFalse();
        assertThat(firstKey.isClosed()).as("the retired key is wiped").isTrue();
        assertThat(daemon.refresh(wrong)).as("the renamed file is recognised without opening it").isEmpty();

        // and the daemon's own steps still work on what it took in
        daemon.prepareNext(90);
        assertThat(daemon.phase()).isEqualTo(RotationPhase.PREPARED);
        assertThat(daemon.refresh(wrong)).isEmpty();
    }

    @Test
    void aChangedFileThatDoesNotOpenLeavesTheStoreAsItWas() throws Exception {
        Identity first = daemon.current();
        operator(cli -> cli.prepareNext(90));
        assertThat(refusal(() -> daemon.refresh(wrong))).isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
        assertThat(daemon.phase()).isEqualTo(RotationPhase.STEADY);
        assertThat(daemon.current()).isSameAs(first);
        assertThat(first.signingKey().isClosed()).isFalse();

        Files.delete(dir().resolve(IdentityStore.CURRENT_FILE));
        assertThat(refusal(() -> daemon.refresh(unlock))).isEqualTo(KeystoreError.NO_IDENTITY);
        assertThat(daemon.current()).isSameAs(first);
    }

    @Test
    void aStaleStoreRefusesToStepOnUntilItRefreshed() throws Exception {
        KeyId old = daemon.current().keyId();
        operator(cli -> cli.prepareNext(90));
        assertThat(refusal(() -> daemon.prepareNext(90))).as("a second next key over the first")
                .isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        daemon.refresh(unlock);
        operator(IdentityStore::markNextPublished);
        operator(IdentityStore::retireEarly);
        Path retired = dir().resolve(IdentityStore.RETIRED_DIRECTORY).resolve(old.hex() + ".qid");
        String archived = Fixtures.digest(retired);
        // the daemon still believes it is in PREPARED: marking published or retiring from that view would
        // overwrite what the other process did
        assertThat(refusal(daemon::markNextPublished)).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        assertThat(daemon.phase()).isEqualTo(RotationPhase.PREPARED);
        Fixtures.assertSameBytes(retired, archived);
        assertThat(daemon.refresh(unlock)).containsExactly(old);
        assertThat(daemon.phase()).isEqualTo(RotationPhase.STEADY);
    }

    @Test
    void twoRetirementsOfTheSameRotationDoNotCorruptTheArchive() throws Exception {
        KeyId old = daemon.current().keyId();
        operator(cli -> cli.prepareNext(90));
        daemon.refresh(unlock);
        operator(IdentityStore::markNextPublished);
        daemon.refresh(unlock);
        clock.advanceDays(8); // the overlap is over: both the daemon and the operator retire
        operator(IdentityStore::retire);
        Path retired = dir().resolve(IdentityStore.RETIRED_DIRECTORY).resolve(old.hex() + ".qid");
        String archived = Fixtures.digest(retired);
        assertThat(refusal(daemon::retireIfDue)).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        Fixtures.assertSameBytes(retired, archived);
        assertThat(daemon.refresh(unlock)).containsExactly(old);
        assertThat(daemon.retireIfDue()).isFalse();
    }

    @Test
    void anUnloadedStoreRefusesToRefresh() {
        try (IdentityStore empty = new IdentityStore(root.resolve("other"), POLICY, clock, entropy)) {
            assertThatThrownBy(() -> empty.refresh(unlock)).isInstanceOf(KeystoreException.class)
                    .hasMessageContaining("not loaded");
        }
    }
}
