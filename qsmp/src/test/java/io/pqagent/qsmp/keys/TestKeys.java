package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;

/** Deterministic keys for tests (never for real use: the stream is public). */
final class TestKeys {
    static final long EXPIRATION = 1_791_536_000L; // 2026-10-09 08-53-20 UTC

    private TestKeys() {
    }

    static SigningKeyRecord signing(ParameterSet set, String seed) {
        ShakeEntropy entropy = new ShakeEntropy(seed);
        return KeyGeneration.generate(set, KeyId.random(entropy), EXPIRATION, entropy);
    }

    static PublicKeyRecord publicKey(ParameterSet set) {
        try (SigningKeyRecord k = signing(set, "test-key-" + set.name())) {
            return k.publicRecord();
        }
    }
}
