package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static io.pqagent.keystore.IdentityStoreTest.POLICY;
import static io.pqagent.keystore.IdentityStoreTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation through its steps, with the process restarted (a fresh store loading the directory) between
 * every two steps, and crashed inside every step: the files alone always give a consistent phase.
 */
class RotationTest {
    @TempDir
    Path root;

    private final TestClock clock = new TestClock();
    private final ShakeEntropy entropy = new ShakeEntropy("rotation-test");
    private PassphraseUnlock unlock;
    private IdentityStore store;

    @BeforeEach
    void createFirstIdentity() throws KeystoreException {
        unlock = passphrase("rotation");
        store = new IdentityStore(dir(), POLICY, clock, entropy);
        store.create(unlock, 90);
    }

    @AfterEach
    void close() {
        store.close();
        unlock.close();
    }

    private Path dir() {
        return root.resolve("identity");
    }

    /** A new process: nothing carried over but the directory and the passphrase. */
    private IdentityStore restart() throws KeystoreException {
        return restart(FaultInjector.NONE);
    }

    private IdentityStore restart(FaultInjector faults) throws KeystoreException {
        store.close();
        store = new IdentityStore(dir(), POLICY, clock, entropy, faults);
        store.load(unlock);
        assertThat(Fixtures.temporaryFiles(dir())).isZero();
        return store;
    }

    private List<KeyId> activeKeyIds() {
        return store.activeIdentities().stream().map(Identity::keyId).toList();
    }

    @Test
    void rotatesThroughEveryStepAcrossRestarts() throws Exception {
        KeyId old = store.current().keyId();
        clock.advanceDays(60);

        restart();
        Identity prepared = store.prepareNext(90);
        KeyId fresh = prepared.keyId();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(prepared.expiration()).isEqualTo(clock.utcSeconds() + 90 * TestClock.DAY);

        restart();
        assertThat(store.phase()).isEqualTo(RotationPhase.PREPARED);
        assertThat(store.next()).map(Identity::keyId).contains(fresh);
        assertThat(activeKeyIds()).as("not published: no peer can know it yet").containsExactly(old);
        assertThat(store.preferred().keyId()).isEqualTo(old);

        List<PublicKeyRecord> published = new ArrayList<>();
        clock.advanceSeconds(10);
        store.publishNext(published::add);
        long publishedAt = clock.utcSeconds();
        assertThat(published).extracting(PublicKeyRecord::keyId).containsExactly(fresh);

        restart();
        assertThat(store.phase()).isEqualTo(RotationPhase.OVERLAP);
        assertThat(store.next().orElseThrow().publishedAt()).hasValue(publishedAt);
        assertThat(store.overlapEndsAt()).hasValue(publishedAt + 7 * TestClock.DAY);
        assertThat(activeKeyIds()).as("both accepted, the new one preferred").containsExactly(fresh, old);
        assertThat(store.preferred().keyId()).isEqualTo(fresh);
        assertThat(refusal(store::retire)).isEqualTo(KeystoreError.OVERLAP_NOT_OVER);
        assertThat(store.retireIfDue()).isFalse();

        clock.set(publishedAt + 7 * TestClock.DAY - 1);
        restart();
        assertThat(activeKeyIds()).containsExactly(fresh, old);
        clock.advanceSeconds(1);
        assertThat(store.phase()).isEqualTo(RotationPhase.RETIRE_DUE);
        assertThat(activeKeyIds()).as("window over: the old one is out of use").containsExactly(fresh);

        restart();
        assertThat(store.phase()).isEqualTo(RotationPhase.RETIRE_DUE);
        assertThat(store.retireIfDue()).isTrue();
        assertThat(store.current().keyId()).isEqualTo(fresh);

        restart();
        assertThat(store.phase()).isEqualTo(RotationPhase.STEADY);
        assertThat(store.current().keyId()).isEqualTo(fresh);
        assertThat(store.next()).isEmpty();
        assertThat(dir().resolve(IdentityStore.NEXT_FILE)).doesNotExist();
        assertRetiredCopyOpens(old);
    }

    private void assertRetiredCopyOpens(KeyId old) throws KeystoreException {
        Path retired = dir().resolve(IdentityStore.RETIRED_DIRECTORY).resolve(old.hex() + ".qid");
        assertThat(Fixtures.mode(retired)).isEqualTo("rw-------");
        assertThat(Fixtures.mode(retired.getParent())).isEqualTo("rwx------");
        try (SecretBytes content = SealedFile.read(retired, SealedContent.IDENTITY, unlock);
                Identity archived = IdentityCodec.decode(content, "retired")) {
            assertThat(archived.keyId()).isEqualTo(old);
        }
    }

    @Test
    void stepsOutOfOrderAreRefusedWithoutChangingAnything() throws Exception {
        assertThat(refusal(() -> store.publishNext(r -> { }))).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        assertThat(refusal(store::markNextPublished)).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        assertThat(refusal(store::retire)).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        assertThat(refusal(store::retireEarly)).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        store.prepareNext(90);
        assertThat(refusal(() -> store.prepareNext(90))).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        assertThat(refusal(store::retireEarly)).isEqualTo(KeystoreError.ROTATION_OUT_OF_ORDER);
        assertThat(store.phase()).isEqualTo(RotationPhase.PREPARED);
    }

    @Test
    void aFailedPublicationChangesNothing() throws Exception {
        store.prepareNext(90);
        String before = Fixtures.digest(dir().resolve(IdentityStore.NEXT_FILE));
        KeystoreError error = refusal(() -> store.publishNext(r -> {
            throw new IOException("no directory replica reachable");
        }));
        assertThat(error).isEqualTo(KeystoreError.PUBLISH_FAILED);
        assertThat(store.phase()).isEqualTo(RotationPhase.PREPARED);
        Fixtures.assertSameBytes(dir().resolve(IdentityStore.NEXT_FILE), before);
        restart();
        assertThat(store.phase()).isEqualTo(RotationPhase.PREPARED);
    }

    @Test
    void retireEarlyEndsTheOverlapAtOnce() throws Exception {
        KeyId old = store.current().keyId();
        store.prepareNext(90);
        store.markNextPublished();
        Identity fresh = store.retireEarly();
        assertThat(store.phase()).isEqualTo(RotationPhase.STEADY);
        assertThat(store.activeIdentities()).containsExactly(fresh);
        assertRetiredCopyOpens(old);
    }

    @Test
    void anOldIdentityThatExpiresDuringTheOverlapIsNoLongerAccepted() throws Exception {
        clock.advanceDays(88);
        store.prepareNext(90);
        Identity fresh = store.markNextPublished();
        assertThat(store.activeIdentities()).hasSize(2);
        clock.advanceDays(3); // the old one expired at day 90, the window lasts until day 95
        assertThat(store.phase()).isEqualTo(RotationPhase.OVERLAP);
        assertThat(store.activeIdentities()).containsExactly(fresh);
    }

    /** Every point a step can be interrupted at, with the phase a restart must find. */
    @Test
    void aCrashInsideAnyStepLeavesTheDirectoryInThePhaseBeforeIt() throws Exception {
        KeyId old = store.current().keyId();

        crashAt("before-rename next.qid", () -> store.prepareNext(90));
        assertThat(restart().phase()).isEqualTo(RotationPhase.STEADY);
        assertThat(dir().resolve(IdentityStore.NEXT_FILE)).doesNotExist();
        KeyId fresh = store.prepareNext(90).keyId();

        crashAt("before-rename next.qid", () -> store.markNextPublished());
        assertThat(restart().phase()).isEqualTo(RotationPhase.PREPARED);
        assertThat(store.next().orElseThrow().keyId()).isEqualTo(fresh);
        store.markNextPublished();
        clock.advanceDays(8);

        crashAt("before-rename " + old.hex() + ".qid", () -> store.retire());
        assertThat(restart().phase()).isEqualTo(RotationPhase.RETIRE_DUE);
        assertThat(store.current().keyId()).isEqualTo(old);

        crashAt("retire: archived, before promoting next", () -> store.retire());
        assertThat(restart().phase()).as("archived but not promoted: still a rotation")
                .isEqualTo(RotationPhase.RETIRE_DUE);
        assertThat(store.current().keyId()).isEqualTo(old);
        assertThat(store.next().orElseThrow().keyId()).isEqualTo(fresh);

        store.retire();
        assertThat(restart().phase()).isEqualTo(RotationPhase.STEADY);
        assertThat(store.current().keyId()).isEqualTo(fresh);
        assertRetiredCopyOpens(old);
    }

    @Test
    void temporaryFilesOfAKilledProcessAreRemovedOnLoad() throws Exception {
        Path leftover = dir().resolve(".next.qid.12345" + PrivateFile.TEMP_SUFFIX);
        Files.write(leftover, new byte[] {1, 2, 3});
        restart();
        assertThat(leftover).doesNotExist();
        assertThat(store.phase()).isEqualTo(RotationPhase.STEADY);
    }

    /**
     * Runs {@code step} in a store that fails at {@code point}, as a process killed there would. The step
     * must read the {@code store} field when it runs (a lambda, not a method reference bound before).
     */
    private void crashAt(String point, IdentityStoreTest.Step step) throws Exception {
        List<String> seen = new ArrayList<>();
        restart(p -> {
            seen.add(p);
            if (p.equals(point)) {
                throw new IOException("killed at " + p);
            }
        });
        assertThat(refusal(step)).isEqualTo(KeystoreError.IO_FAILURE);
        assertThat(seen).contains(point);
    }
}
