package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * A new long-term key (the reference's {@code qsmp_generate_keypair}, QSMP-WIRE §8.1). The key id is
 * drawn by the caller first ({@link KeyId#random}), as the sample apps do; the transcripts depend on that
 * order: key id 16 bytes, then the signature keygen's draws.
 */
public final class KeyGeneration {
    public static final long SECONDS_PER_DAY = 86_400L;

    private KeyGeneration() {
    }

    public static SigningKeyRecord generate(ParameterSet set, KeyId keyId, long expiration, EntropySource entropy) {
        SigningKeyPair pair = set.signer().generateKeyPair(entropy);
        PublicKeyRecord pub = new PublicKeyRecord(expiration, set.config(), keyId, pair.verificationKey());
        return new SigningKeyRecord(pub, pair.signingKey());
    }

    /** {@code clock + days · 86400}; the reference uses 365 days ({@link QsmpConstants#PUBKEY_DURATION_SECONDS}). */
    public static long expiration(Clock clock, long days) {
        if (days <= 0) {
            throw new IllegalArgumentException("a key must be valid for at least one day, got " + days);
        }
        return Math.addExact(clock.utcSeconds(), Math.multiplyExact(days, SECONDS_PER_DAY));
    }

    /** The reference's default: one year from now. */
    public static long defaultExpiration(Clock clock) {
        return Math.addExact(clock.utcSeconds(), QsmpConstants.PUBKEY_DURATION_SECONDS);
    }
}
