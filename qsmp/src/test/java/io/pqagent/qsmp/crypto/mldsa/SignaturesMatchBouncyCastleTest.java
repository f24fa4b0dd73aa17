package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our prepared signing key produces Bouncy Castle's deterministic signature byte for byte, and each side
 * accepts the other's: 60 signatures per parameter set over three keys and messages of 0, 1, 64 and
 * 1000+ bytes, enough for signatures that took one, two and more passes of the rejection loop.
 */
class SignaturesMatchBouncyCastleTest {
    private static final int KEYS = 3;
    private static final int MESSAGES_PER_KEY = 20;
    private static final int[] SIZES = {0, 1, 64, 1000, 1500, 4096};

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void signaturesAreBouncyCastlesDeterministicOnes(MlDsaParameterSet p) {
        Random random = new Random(p.ordinal() * 1000L + 17);
        int maxPasses = 0;
        int multiPass = 0;
        for (int k = 0; k < KEYS; k++) {
            SigningKeyPair pair = BouncyCastleReference.keyPair(p, "signatures " + p + " key " + k);
            byte[] sk = pair.signingKey().bytes();
            byte[] pk = pair.verificationKey();
            PreparedMlDsaVerificationKey verifier = PreparedMlDsaVerificationKey.prepare(p, pk);
            try (PreparedMlDsaSigningKey signer = PreparedMlDsaSigningKey.prepare(p, sk)) {
                for (int i = 0; i < MESSAGES_PER_KEY; i++) {
                    int size = i < SIZES.length ? SIZES[i] : random.nextInt(2000);
                    byte[] message = new byte[size];
                    random.nextBytes(message);
                    int[] passes = new int[1];
                    byte[] ours = signer.sign(message, passes);
                    byte[] theirs = BouncyCastleReference.sign(p, sk, message);
                    String what = p + " key " + k + " message " + i + " (" + size + " bytes)";
                    assertThat(ours).as(what).hasSize(p.signatureBytes()).isEqualTo(theirs);
                    assertThat(verifier.verify(message, theirs)).as(what + ": we accept BC's").isTrue();
                    assertThat(BouncyCastleReference.verify(p, pk, message, ours)).as(what + ": BC accepts ours")
                            .isTrue();
                    maxPasses = Math.max(maxPasses, passes[0]);
                    multiPass += passes[0] > 1 ? 1 : 0;
                }
            }
        }
        assertThat(maxPasses).as("longest rejection loop").isGreaterThanOrEqualTo(3);
        assertThat(multiPass).as("signatures that needed more than one pass").isGreaterThan(KEYS * MESSAGES_PER_KEY / 3);
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void concurrentSignersShareOnePreparedKey(MlDsaParameterSet p) throws InterruptedException {
        SigningKeyPair pair = BouncyCastleReference.keyPair(p, "concurrent " + p);
        byte[] sk = pair.signingKey().bytes();
        byte[][] messages = new byte[4][];
        byte[][] expected = new byte[4][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = ("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            expected[i] = BouncyCastleReference.sign(p, sk, messages[i]);
        }
        PreparedMlDsaSigningKey shared = PreparedMlDsaSigningKey.prepare(p, sk);
        PreparedMlDsaVerificationKey verifier = PreparedMlDsaVerificationKey.prepare(p, pair.verificationKey());
        byte[][][] got = new byte[messages.length][8][];
        boolean[][] verified = new boolean[messages.length][8];
        Thread[] threads = new Thread[messages.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                for (int round = 0; round < 8; round++) {
                    int m = (index + round) % messages.length;
                    got[index][round] = shared.sign(messages[m]);
                    verified[index][round] = verifier.verify(messages[m], expected[m]);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int t = 0; t < threads.length; t++) {
            for (int round = 0; round < 8; round++) {
                assertThat(got[t][round]).isEqualTo(expected[(t + round) % messages.length]);
                assertThat(verified[t][round]).isTrue();
            }
        }
    }
}
