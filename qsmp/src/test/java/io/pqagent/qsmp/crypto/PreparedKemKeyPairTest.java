package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Kem#generatePreparedKeyPair}: the same draws and bytes as {@link Kem#generateKeyPair}, the same
 * shared secret through the kept parsed key, the same refusals, and nothing usable after close.
 */
class PreparedKemKeyPairTest {

    @ParameterizedTest
    @EnumSource(value = KemAlgorithm.class, names = {"ML_KEM_512", "ML_KEM_768", "ML_KEM_1024"})
    void preparedPairMatchesThePlainOne(KemAlgorithm alg) throws DecapsulationException {
        Kem kem = alg.instance();
        KemKeyPair plain = kem.generateKeyPair(new ShakeEntropy("kem " + alg));
        ShakeEntropy entropy = new ShakeEntropy("kem " + alg);
        KemKeyPair prepared = kem.generatePreparedKeyPair(entropy);
        assertThat(prepared.publicKey()).isEqualTo(plain.publicKey());
        assertThat(prepared.privateKey().bytes()).isEqualTo(plain.privateKey().bytes());
        assertThat(prepared.prepared()).isNotNull();
        assertThat(plain.prepared()).isNull();
        assertThat(entropy.nextBytes(8)).as("same number of bytes drawn")
                .isEqualTo(skip(new ShakeEntropy("kem " + alg), kem, 8));

        Encapsulation enc = kem.encapsulate(prepared.publicKey(), new ShakeEntropy("enc"));
        assertThat(kem.decapsulate(prepared, enc.ciphertext()).bytes()).isEqualTo(enc.sharedSecret().bytes());
        assertThat(kem.decapsulate(plain, enc.ciphertext()).bytes()).isEqualTo(enc.sharedSecret().bytes());

        byte[] damaged = enc.ciphertext().clone();
        damaged[0] ^= 1;
        assertThatThrownBy(() -> kem.decapsulate(prepared, damaged)).isInstanceOf(DecapsulationException.class)
                .hasMessageContaining("implicit rejection");
        assertThatThrownBy(() -> kem.decapsulate(prepared, new byte[alg.ciphertextSize() - 1]))
                .isInstanceOf(DecapsulationException.class).hasMessageContaining("ciphertext size");

        prepared.close();
        assertThat(prepared.privateKey().isDestroyed()).isTrue();
        assertThatThrownBy(() -> kem.decapsulate(prepared, enc.ciphertext())).isInstanceOf(IllegalStateException.class);
    }

    /** The bytes a source yields after one key generation. */
    private static byte[] skip(EntropySource source, Kem kem, int n) {
        kem.generateKeyPair(source);
        return source.nextBytes(n);
    }
}
