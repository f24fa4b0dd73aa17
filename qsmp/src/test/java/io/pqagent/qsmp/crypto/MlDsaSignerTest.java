package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ML-DSA Signer as the protocol calls it: one-shot and prepared signing on our engine give Bouncy
 * Castle's deterministic signatures and draw no entropy; verification (through the key cache) accepts
 * them and refuses damaged or mis-sized input with false; bad keys are a clear IllegalArgumentException.
 */
class MlDsaSignerTest {
    private static final EntropySource NO_DRAWS = out -> {
        throw new AssertionError("deterministic ML-DSA drew " + out.length + " random bytes");
    };

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = "ML_DSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void signsLikeBouncyCastleAndVerifies(SignatureAlgorithm algorithm) throws CryptoException {
        Signer signer = algorithm.instance();
        SigningKeyPair pair = signer.generateKeyPair(new ShakeEntropy("MlDsaSignerTest " + algorithm));
        byte[] sk = pair.signingKey().bytes();
        byte[] pk = pair.verificationKey();
        byte[] hash = Sha3.sha512("handshake transcript".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] expected = bouncyCastleSign(algorithm, sk, hash);

        assertThat(signer.sign(sk, hash, NO_DRAWS)).isEqualTo(expected);
        try (PreparedSigningKey prepared = signer.prepare(sk)) {
            assertThat(prepared.sign(hash, NO_DRAWS)).isEqualTo(expected);
            assertThat(prepared.toString()).contains("<secret>");
        }
        assertThat(signer.verify(pk, hash, expected)).isTrue();
        assertThat(signer.verify(pk, hash, expected)).as("again, from the cache").isTrue();
        byte[] signed = signer.signHash(sk, hash, NO_DRAWS);
        assertThat(signer.openSignedHash(pk, signed, 0, hash.length)).isEqualTo(hash);

        byte[] flipped = expected.clone();
        flipped[flipped.length / 2] ^= 0x04;
        assertThat(signer.verify(pk, hash, flipped)).isFalse();
        assertThat(signer.verify(pk, Arrays.copyOf(hash, 63), expected)).isFalse();
        assertThat(signer.verify(pk, hash, Arrays.copyOf(expected, expected.length - 1))).isFalse();
        assertThat(signer.verify(Arrays.copyOf(pk, pk.length + 1), hash, expected)).isFalse();
        assertThat(signer.verify(new byte[0], hash, expected)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = "ML_DSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void badSigningKeysAreAClearError(SignatureAlgorithm algorithm) {
        Signer signer = algorithm.instance();
        byte[] sk = signer.generateKeyPair(new ShakeEntropy("bad key " + algorithm)).signingKey().bytes();
        assertThatThrownBy(() -> signer.prepare(Arrays.copyOf(sk, sk.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signing key must be");
        byte[] outOfRange = sk.clone();
        outOfRange[128] = (byte) 0xFF; // the first packed coefficients of s1 all 2^bits - 1 > 2η
        assertThatThrownBy(() -> signer.sign(outOfRange, new byte[64], NO_DRAWS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside [-");
    }

    private static byte[] bouncyCastleSign(SignatureAlgorithm algorithm, byte[] sk, byte[] message)
            throws CryptoException {
        MLDSAParameters params = switch (algorithm) {
            case ML_DSA_44 -> MLDSAParameters.ml_dsa_44;
            case ML_DSA_65 -> MLDSAParameters.ml_dsa_65;
            default -> MLDSAParameters.ml_dsa_87;
        };
        MLDSASigner s = new MLDSASigner();
        s.init(true, new MLDSAPrivateKeyParameters(params, sk));
        s.update(message, 0, message.length);
        return s.generateSignature();
    }
}
