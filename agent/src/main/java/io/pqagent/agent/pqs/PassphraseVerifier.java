package io.pqagent.agent.pqs;

import io.pqagent.keystore.Argon2Cost;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * What the agent keeps of a PQS passphrase: Argon2id v1.3 (RFC 9106) of it under a per-user random salt,
 * with the cost stored beside it (as the keystore's sealed files do) so that verifiers made under older
 * defaults keep working. The passphrase itself is never stored.
 */
public record PassphraseVerifier(byte[] salt, Argon2Cost cost, byte[] hash) {
    public static final int SALT_SIZE = 16;
    public static final int HASH_SIZE = 32;

    public PassphraseVerifier {
        if (salt.length != SALT_SIZE) {
            throw new IllegalArgumentException("a verifier salt has " + SALT_SIZE + " bytes, not " + salt.length);
        }
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException("a verifier hash has " + HASH_SIZE + " bytes, not " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** A fresh verifier for {@code passphrase} (UTF-8), under a new random salt. */
    public static PassphraseVerifier create(byte[] passphrase, Argon2Cost cost, SecureRandom random) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        byte[] salt = new byte[SALT_SIZE];
        random.nextBytes(salt);
        return new PassphraseVerifier(salt, cost, argon2id(passphrase, salt, cost));
    }

    /** Whether {@code passphrase} (UTF-8) is the one this verifier was made from; compared in constant time. */
    public boolean matches(byte[] passphrase) {
        byte[] candidate = argon2id(passphrase, salt, cost);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PassphraseVerifier v && Arrays.equals(v.salt, salt) && v.cost.equals(cost)
                && MessageDigest.isEqual(v.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "PassphraseVerifier[" + cost + "]";
    }

    private static byte[] argon2id(byte[] passphrase, byte[] salt, Argon2Cost cost) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        byte[] out = new byte[HASH_SIZE];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            generator.generateBytes(passphrase, out);
            return out;
        } finally {
            params.clear();
        }
    }
}
