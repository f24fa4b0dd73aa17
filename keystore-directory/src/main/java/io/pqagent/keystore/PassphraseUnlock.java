package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.SecretBytes;
import java.util.Arrays;
import java.util.Objects;

/** A passphrase, stretched by Argon2id with the cost found in each file (and {@link #cost()} for new ones). */
public final class PassphraseUnlock implements Unlock {
    private final char[] passphrase;
    private final Argon2Cost cost;
    private boolean closed;

    /** Copies {@code passphrase}: the caller wipes its own array. */
    PassphraseUnlock(char[] passphrase, Argon2Cost cost) {
        this.passphrase = passphrase.clone();
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    /** The Argon2id cost new files are sealed with. */
    public Argon2Cost cost() {
        return cost;
    }

    @Override
    public KdfSpec sealingSpec() {
        return new KdfSpec.Argon2(cost);
    }

    @Override
    public synchronized SecretBytes fileKey(KdfSpec spec, byte[] salt, String name) throws KeystoreException {
        if (closed) {
            throw new IllegalStateException("passphrase already wiped");
        }
        if (!(spec instanceof KdfSpec.Argon2 argon2)) {
            throw new KeystoreException(KeystoreError.WRONG_UNLOCK_METHOD, name
                    + " is sealed with a key file, not a passphrase");
        }
        return Argon2id.derive(passphrase, salt, argon2.cost());
    }

    @Override
    public synchronized void close() {
        Arrays.fill(passphrase, '\0');
        closed = true;
    }

    @Override
    public String toString() {
        return "PassphraseUnlock[" + cost + ", passphrase=<secret>]";
    }
}
