package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's identities in one directory (e.g. {@code /var/lib/qsmp-agent/identity/}, mode 0700):
 * {@code current.qid}, during a rotation {@code next.qid}, and {@code retired/<key id>.qid}. The files are
 * the state: each step replaces one file atomically, so after a crash at any point {@link #load} finds
 * a consistent phase and the interrupted step can simply be repeated.
 *
 * <p>The store keeps a reference to the {@link Unlock} it was opened with (to re-seal on each step); the
 * caller keeps ownership of it. Methods are synchronized: a scheduled rotation and a listener may share it.
 */
public final class IdentityStore implements AutoCloseable {
    public static final String CURRENT_FILE = IdentityFiles.CURRENT;
    public static final String NEXT_FILE = IdentityFiles.NEXT;
    public static final String RETIRED_DIRECTORY = IdentityFiles.RETIRED;

    private static final Logger LOG = LoggerFactory.getLogger(IdentityStore.class);

    private final Path directory;
    private final IdentityPolicy policy;
    private final Clock clock;
    private final EntropySource entropy;
    private final IdentityFiles files;
    private final IdentityImport imports;

    private Unlock unlock;
    private Identity current;
    private Identity next;
    /** The files' bytes as this store last read or wrote them (sealed, so not secret): {@link #refresh} compares. */
    private byte[] currentSealed;
    private byte[] nextSealed;

    public IdentityStore(Path directory, IdentityPolicy policy, Clock clock, EntropySource entropy) {
        this(directory, policy, clock, entropy, FaultInjector.NONE);
    }

    IdentityStore(Path directory, IdentityPolicy policy, Clock clock, EntropySource entropy, FaultInjector faults) {
        this.directory = directory.toAbsolutePath();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entropy = Objects.requireNonNull(entropy, "entropy");
        this.files = new IdentityFiles(this.directory, entropy, Objects.requireNonNull(faults, "faults"));
        this.imports = new IdentityImport(policy, clock);
    }

    /** Generates the first identity, valid {@code validityDays} from now, and seals it with {@code unlock}. */
    public synchronized Identity create(Unlock unlock, long validityDays) throws KeystoreException {
        requireEmpty();
        long now = clock.utcSeconds();
        KeyId keyId = KeyId.random(entropy);
        SigningKeyRecord key = KeyGeneration.generate(policy.parameterSet(), keyId,
                KeyGeneration.expiration(clock, validityDays), entropy);
        return install(new Identity(key, now, 0), unlock, "created");
    }

    /**
     * Makes a reference {@code .qskey} the first identity. Refuses a file others can read
     * (INSECURE_PERMISSIONS), another configuration than the policy's (WRONG_CONFIGURATION) and an expired
     * key (EXPIRED); the file is only read.
     */
    public synchronized Identity importQskey(Path qskey, Unlock unlock) throws KeystoreException {
        requireEmpty();
        return install(imports.readQskey(qskey), unlock, "imported from " + qskey);
    }

    /** Writes the current identity's public record as a reference {@code .qpkey} (world-readable). */
    public synchronized void exportQpkey(Path path) throws KeystoreException {
        imports.writeQpkey(requireLoaded(), path);
    }

    /** Writes the identity {@code keyId} (current or next) as a reference {@code .qpkey}. */
    public synchronized void exportQpkey(KeyId keyId, Path path) throws KeystoreException {
        imports.writeQpkey(byKeyId(keyId), path);
    }

    /**
     * Writes the current signing key UNENCRYPTED as a reference {@code .qskey} (mode 0600), for a C peer or a
     * migration. Only on explicit request; logged at WARN.
     */
    public synchronized void exportQskey(Path path) throws KeystoreException {
        imports.writeQskey(requireLoaded(), path);
    }

    /**
     * Opens the store: current and (during a rotation) next identity. Leftover temporary files of an
     * interrupted write are removed; the identity files are only read.
     *
     * @return the current identity
     * @throws KeystoreException NO_IDENTITY if there is none, else the error of the first file that fails
     */
    public synchronized Identity load(Unlock unlock) throws KeystoreException {
        if (!PrivateFile.exists(files.current())) {
            throw new KeystoreException(KeystoreError.NO_IDENTITY, "no " + files.current()
                    + (PrivateFile.exists(files.next()) ? " (only " + NEXT_FILE + ")" : ""));
        }
        files.removeTemporaryFiles();
        byte[] currentFile = files.readSealed(files.current());
        Identity loadedCurrent = open(currentFile, files.current(), unlock);
        Identity loadedNext = null;
        byte[] nextFile = null;
        try {
            if (PrivateFile.exists(files.next())) {
                nextFile = files.readSealed(files.next());
                loadedNext = open(nextFile, files.next(), unlock);
            }
        } catch (KeystoreException | RuntimeException e) {
            loadedCurrent.close();
            throw e;
        }
        closeIdentities();
        this.unlock = unlock;
        this.current = loadedCurrent;
        this.next = loadedNext;
        this.currentSealed = currentFile;
        this.nextSealed = nextFile;
        LOG.info("identity store {}: current {}, phase {}", directory, current.keyId(), phase());
        if (current.isExpiredAt(clock.utcSeconds())) {
            LOG.error("identity {} in {} has EXPIRED: peers refuse it; rotate now", current.keyId(), directory);
        }
        return current;
    }

    /**
     * Takes in what another process did to the files while this store was open: {@code qsmp-agent keys rotate}
     * stepping the rotation while the agent runs. A file whose bytes did not change is not opened again. An
     * identity that is still in the files keeps its loaded key object, so sessions that authenticated with it
     * keep signing their ratchets; its publication time comes from the file. Identities no longer in the files
     * (retired by the other process) are wiped and their key ids returned. Temporary files are left alone:
     * the other process may be writing one right now.
     *
     * @param unlock opens a changed file; kept like {@link #load}'s
     * @return the key ids of the identities that left the store, empty if none did
     * @throws KeystoreException NO_IDENTITY without {@code current.qid}, else the error of the first file that
     *         fails; the store is then unchanged
     */
    public synchronized List<KeyId> refresh(Unlock unlock) throws KeystoreException {
        requireLoaded();
        if (!PrivateFile.exists(files.current())) {
            throw new KeystoreException(KeystoreError.NO_IDENTITY, "no " + files.current()
                    + (PrivateFile.exists(files.next()) ? " (only " + NEXT_FILE + ")" : ""));
        }
        byte[] currentFile = files.readSealed(files.current());
        byte[] nextFile = PrivateFile.exists(files.next()) ? files.readSealed(files.next()) : null;
        List<Identity> opened = new ArrayList<>(2);
        Identity newCurrent;
        Identity newNext;
        try {
            newCurrent = resolve(currentFile, files.current(), unlock, opened);
            newNext = nextFile == null ? null : resolve(nextFile, files.next(), unlock, opened);
        } catch (KeystoreException | RuntimeException e) {
            opened.forEach(Identity::close);
            throw e;
        }
        List<KeyId> left = new ArrayList<>(2);
        for (Identity old : loaded()) {
            if (!sameKey(old, newCurrent) && !sameKey(old, newNext)) {
                left.add(old.keyId());
                old.close();
            }
        }
        boolean changed = newCurrent != current || newNext != next;
        this.unlock = unlock;
        this.current = newCurrent;
        this.next = newNext;
        this.currentSealed = currentFile;
        this.nextSealed = nextFile;
        if (changed) {
            LOG.info("identity store {}: re-read: current {}, phase {}{}", directory, current.keyId(), phase(),
                    left.isEmpty() ? "" : ", no longer in the store: " + left);
        }
        return List.copyOf(left);
    }

    /** The loaded identity behind {@code sealed}: the same object if its file is unchanged or it holds the same key. */
    private Identity resolve(byte[] sealed, Path file, Unlock with, List<Identity> opened) throws KeystoreException {
        if (Arrays.equals(sealed, currentSealed)) {
            return current;
        }
        if (nextSealed != null && Arrays.equals(sealed, nextSealed)) {
            return next;
        }
        Identity decoded = open(sealed, file, with);
        for (Identity known : loaded()) {
            if (known.keyId().equals(decoded.keyId())
                    && Arrays.equals(known.signingKey().verificationKey(), decoded.signingKey().verificationKey())) {
                Identity same = new Identity(known.signingKey(), decoded.createdAt(),
                        decoded.publishedAt().orElse(0));
                decoded.close();
                return same;
            }
        }
        opened.add(decoded);
        return decoded;
    }

    private List<Identity> loaded() {
        return next == null ? List.of(current) : List.of(current, next);
    }

    private static boolean sameKey(Identity a, Identity b) {
        return b != null && a.signingKey() == b.signingKey();
    }

    /** The identity in {@code current.qid}; null until {@link #load}, {@link #create} or an import succeeded. */
    public synchronized Identity current() {
        return current;
    }

    public synchronized Optional<Identity> next() {
        return Optional.ofNullable(next);
    }

    /** The identity to present when connecting out: the next one once published, else the current one. */
    public synchronized Identity preferred() {
        requireLoadedUnchecked();
        return next != null && next.publishedAt().isPresent() ? next : current;
    }

    /**
     * The identities a listener accepts a peer's request for, preferred first: the current one; during the
     * overlap window the published next one and the current one (while unexpired); after it the new one.
     */
    public synchronized List<Identity> activeIdentities() {
        requireLoadedUnchecked();
        long now = clock.utcSeconds();
        List<Identity> active = new ArrayList<>(2);
        switch (phase()) {
            case STEADY, PREPARED -> active.add(current);
            case OVERLAP -> {
                active.add(next);
                if (!current.isExpiredAt(now)) {
                    active.add(current);
                }
            }
            case RETIRE_DUE -> active.add(next);
            default -> throw new IllegalStateException("unknown phase");
        }
        return List.copyOf(active);
    }

    public synchronized RotationPhase phase() {
        requireLoadedUnchecked();
        if (next == null) {
            return RotationPhase.STEADY;
        }
        if (next.publishedAt().isEmpty()) {
            return RotationPhase.PREPARED;
        }
        return clock.utcSeconds() < overlapEnd() ? RotationPhase.OVERLAP : RotationPhase.RETIRE_DUE;
    }

    /** When both identities stop being accepted together; empty unless the next one is published. */
    public synchronized OptionalLong overlapEndsAt() {
        return next == null || next.publishedAt().isEmpty() ? OptionalLong.empty() : OptionalLong.of(overlapEnd());
    }

    /** Rotation step 1: generates and seals the next identity (STEADY to PREPARED). Nothing uses it yet. */
    public synchronized Identity prepareNext(long validityDays) throws KeystoreException {
        requirePhase(RotationPhase.STEADY, "prepareNext");
        requireFilesAsKnown("prepareNext");
        long now = clock.utcSeconds();
        SigningKeyRecord key = KeyGeneration.generate(policy.parameterSet(), KeyId.random(entropy),
                KeyGeneration.expiration(clock, validityDays), entropy);
        Identity prepared = new Identity(key, now, 0);
        try {
            nextSealed = files.write(files.next(), prepared, unlock);
        } catch (KeystoreException e) {
            prepared.close();
            throw e;
        }
        next = prepared;
        LOG.info("identity store {}: next identity {} prepared (expires {}), current {}", directory,
                next.keyId(), Instant.ofEpochSecond(next.expiration()), current.keyId());
        return next;
    }

    /**
     * Rotation step 2: {@code publisher} registers the next identity, then it is marked published (PREPARED
     * to OVERLAP), which starts the overlap window. If publishing fails, nothing changes (PUBLISH_FAILED).
     */
    public synchronized Identity publishNext(IdentityPublisher publisher) throws KeystoreException {
        requirePhase(RotationPhase.PREPARED, "publishNext");
        try {
            publisher.publish(next.publicRecord());
        } catch (Exception e) {
            throw new KeystoreException(KeystoreError.PUBLISH_FAILED, next.keyId() + ": " + e, e);
        }
        return markNextPublished();
    }

    /** Rotation step 2 when the caller published the next identity itself (e.g. an operator registered it). */
    public synchronized Identity markNextPublished() throws KeystoreException {
        requirePhase(RotationPhase.PREPARED, "markNextPublished");
        requireFilesAsKnown("markNextPublished");
        Identity published = next.published(clock.utcSeconds());
        nextSealed = files.write(files.next(), published, unlock);
        next = published;
        LOG.info("identity store {}: next identity {} published; {} and {} both accepted until {}", directory,
                next.keyId(), next.keyId(), current.keyId(), Instant.ofEpochSecond(overlapEnd()));
        return next;
    }

    /** Rotation step 3 once the overlap window has ended (RETIRE_DUE to STEADY); see {@link #retireEarly}. */
    public synchronized Identity retire() throws KeystoreException {
        if (phase() == RotationPhase.OVERLAP) {
            throw new KeystoreException(KeystoreError.OVERLAP_NOT_OVER, "both identities are accepted until "
                    + Instant.ofEpochSecond(overlapEnd()) + "; retireEarly() ends the window now");
        }
        requirePhase(RotationPhase.RETIRE_DUE, "retire");
        return promoteNext();
    }

    /** Ends the overlap window now (e.g. the old key is suspected compromised) and retires the old identity. */
    public synchronized Identity retireEarly() throws KeystoreException {
        RotationPhase phase = phase();
        if (phase != RotationPhase.OVERLAP && phase != RotationPhase.RETIRE_DUE) {
            throw new KeystoreException(KeystoreError.ROTATION_OUT_OF_ORDER, "retireEarly needs a published next "
                    + "identity, the store is " + phase);
        }
        return promoteNext();
    }

    /** For a schedule: retires the old identity if its overlap window has ended. */
    public synchronized boolean retireIfDue() throws KeystoreException {
        if (current == null || phase() != RotationPhase.RETIRE_DUE) {
            return false;
        }
        promoteNext();
        return true;
    }

    private Identity promoteNext() throws KeystoreException {
        requireFilesAsKnown("retire");
        files.archiveCurrentAndPromoteNext(current.keyId().hex());
        Identity old = current;
        current = next;
        next = null;
        currentSealed = nextSealed; // next.qid was renamed over current.qid
        nextSealed = null;
        LOG.info("identity store {}: identity {} retired to {}/, {} is current", directory, old.keyId(),
                RETIRED_DIRECTORY, current.keyId());
        old.close();
        return current;
    }

    private Identity install(Identity identity, Unlock with, String how) throws KeystoreException {
        byte[] sealed;
        try {
            files.ensureDirectory();
            sealed = files.write(files.current(), identity, with);
            this.unlock = with;
        } catch (KeystoreException | RuntimeException e) {
            identity.close();
            throw e;
        }
        closeIdentities();
        current = identity;
        currentSealed = sealed;
        LOG.info("identity store {}: identity {} {} ({}, expires {})", directory, identity.keyId(), how,
                identity.config().text(), Instant.ofEpochSecond(identity.expiration()));
        return identity;
    }

    private Identity open(byte[] sealed, Path file, Unlock with) throws KeystoreException {
        Identity identity = files.open(sealed, file, with);
        if (!identity.config().equals(policy.parameterSet().config())) {
            String found = identity.config().text();
            identity.close();
            throw new KeystoreException(KeystoreError.WRONG_CONFIGURATION, file + " holds a " + found
                    + " identity, the store is set up for " + policy.parameterSet().config().text());
        }
        return identity;
    }

    /**
     * Before a step changes the files: they are still as this store last read or wrote them. Another process
     * (the command line next to a running agent) may have stepped the rotation meanwhile; stepping on from a
     * stale view could, say, archive the new identity under the old one's name. Then {@link #refresh} first.
     */
    private void requireFilesAsKnown(String step) throws KeystoreException {
        byte[] onDiskCurrent = PrivateFile.exists(files.current()) ? files.readSealed(files.current()) : null;
        byte[] onDiskNext = PrivateFile.exists(files.next()) ? files.readSealed(files.next()) : null;
        if (!Arrays.equals(onDiskCurrent, currentSealed) || !Arrays.equals(onDiskNext, nextSealed)) {
            throw new KeystoreException(KeystoreError.ROTATION_OUT_OF_ORDER, step + ": the files in " + directory
                    + " changed since this store read them (another process stepped the rotation); refresh first");
        }
    }

    private long overlapEnd() {
        long published = next.publishedAt().orElseThrow();
        return Math.addExact(published, policy.overlap().toSeconds());
    }

    private void requireEmpty() throws KeystoreException {
        for (Path file : List.of(files.current(), files.next())) {
            if (PrivateFile.exists(file)) {
                throw new KeystoreException(KeystoreError.IDENTITY_EXISTS, file + " exists; load the store or rotate instead");
            }
        }
    }

    private Identity requireLoaded() throws KeystoreException {
        if (current == null) {
            throw new KeystoreException(KeystoreError.NO_IDENTITY, "the store " + directory
                    + " is not loaded: call load() or create() first");
        }
        return current;
    }

    private void requireLoadedUnchecked() {
        if (current == null) {
            throw new IllegalStateException("the store " + directory + " is not loaded: call load() or create() first");
        }
    }

    private Identity byKeyId(KeyId keyId) throws KeystoreException {
        requireLoaded();
        for (Identity i : next == null ? List.of(current) : List.of(current, next)) {
            if (i.keyId().equals(keyId)) {
                return i;
            }
        }
        throw new KeystoreException(KeystoreError.NO_IDENTITY, "no identity " + keyId + " in " + directory);
    }

    private void requirePhase(RotationPhase expected, String step) throws KeystoreException {
        requireLoaded();
        RotationPhase phase = phase();
        if (phase != expected) {
            throw new KeystoreException(KeystoreError.ROTATION_OUT_OF_ORDER, step + " needs phase " + expected
                    + ", the store is " + phase);
        }
    }

    private void closeIdentities() {
        if (current != null) {
            current.close();
        }
        if (next != null) {
            next.close();
        }
        current = null;
        next = null;
        currentSealed = null;
        nextSealed = null;
    }

    /** Wipes the loaded signing keys; the {@link Unlock} stays the caller's to close. */
    @Override
    public synchronized void close() {
        closeIdentities();
        unlock = null;
    }

    @Override
    public String toString() {
        return "IdentityStore[" + directory + "]";
    }
}
