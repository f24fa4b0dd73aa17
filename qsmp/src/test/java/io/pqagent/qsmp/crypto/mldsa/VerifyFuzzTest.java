package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.util.Arrays;

/**
 * Untrusted signature bytes into the prepared verifier: it never throws, refuses every wrong length, and
 * decides as Bouncy Castle does. The input is either a raw signature (first byte 0) or edits to a good
 * ML-DSA-44 signature (first byte non-zero, then 3-byte edits: big-endian position mod the signature
 * length, new byte). Regression inputs (untouched, counts past ω, non-zero padding, damaged c̃ and z,
 * short and all-zero raw signatures) live in {@code VerifyFuzzTestInputs/verifyNeverThrowsAndAgreesWithBouncyCastle}.
 */
class VerifyFuzzTest {
    private static final MlDsaParameterSet P = MlDsaParameterSet.ML_DSA_44;
    private static final byte[] MESSAGE = "fuzzed signature".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final SigningKeyPair PAIR = BouncyCastleReference.keyPair(P, "VerifyFuzzTest");
    private static final byte[] GOOD = BouncyCastleReference.sign(P, PAIR.signingKey().bytes(), MESSAGE);
    private static final PreparedMlDsaVerificationKey VERIFIER =
            PreparedMlDsaVerificationKey.prepare(P, PAIR.verificationKey());

    @FuzzTest
    void verifyNeverThrowsAndAgreesWithBouncyCastle(byte[] input) {
        byte[] sig;
        if (input.length == 0 || input[0] == 0) {
            sig = input.length == 0 ? new byte[0] : Arrays.copyOfRange(input, 1, input.length);
        } else {
            sig = GOOD.clone();
            for (int i = 1; i + 3 <= input.length; i += 3) {
                int pos = ((input[i] & 0xFF) << 8 | (input[i + 1] & 0xFF)) % sig.length;
                sig[pos] = input[i + 2];
            }
        }
        boolean ours = VERIFIER.verify(MESSAGE, sig);
        if (sig.length != P.signatureBytes()) {
            assertThat(ours).isFalse();
            return;
        }
        assertThat(ours).isEqualTo(BouncyCastleReference.verify(P, PAIR.verificationKey(), MESSAGE, sig));
        if (Arrays.equals(sig, GOOD)) {
            assertThat(ours).isTrue();
        }
    }
}
