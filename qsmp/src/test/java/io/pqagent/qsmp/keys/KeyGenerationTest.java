package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.QsmpConstants;
import org.junit.jupiter.api.Test;

class KeyGenerationTest {

    @Test
    void defaultExpirationIsOneYearAsInTheReference() {
        Clock clock = Clock.fixed(1_760_000_000L);
        assertThat(KeyGeneration.defaultExpiration(clock)).isEqualTo(1_791_536_000L);
        assertThat(KeyGeneration.expiration(clock, 365)).isEqualTo(1_760_000_000L + QsmpConstants.PUBKEY_DURATION_SECONDS);
        assertThat(KeyGeneration.expiration(clock, 1)).isEqualTo(1_760_086_400L);
    }

    @Test
    void refusesNonPositiveLifetimes() {
        assertThatThrownBy(() -> KeyGeneration.expiration(Clock.fixed(0), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void producesAKeyOfTheRequestedSetThatSigns() {
        ShakeEntropy entropy = new ShakeEntropy("generation");
        KeyId id = KeyId.random(entropy);
        try (SigningKeyRecord k = KeyGeneration.generate(ParameterSet.DILITHIUM_S3_KYBER_S3, id, 5, entropy)) {
            assertThat(k.parameterSet()).isEqualTo(ParameterSet.DILITHIUM_S3_KYBER_S3);
            assertThat(k.keyId()).isEqualTo(id);
            assertThat(k.expiration()).isEqualTo(5);
            byte[] hash = new byte[64];
            byte[] sig = k.parameterSet().signer().sign(k.signingKey().bytes(), hash, entropy);
            assertThat(k.parameterSet().signer().verify(k.verificationKey(), hash, sig)).isTrue();
        }
    }
}
