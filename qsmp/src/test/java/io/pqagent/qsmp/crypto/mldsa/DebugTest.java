package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

class DebugTest {
    @Test
    void shake() {
        Random r = new Random(3);
        for (int len : new int[] {0, 1, 34, 66, 135, 136, 137, 168, 300, 1000}) {
            byte[] m = new byte[len];
            r.nextBytes(m);
            for (int bits : new int[] {128, 256}) {
                SHAKEDigest d = new SHAKEDigest(bits);
                d.update(m, 0, len);
                byte[] e = new byte[1000];
                d.doOutput(e, 0, 1000);
                Shake s = bits == 128 ? Shake.shake128() : Shake.shake256();
                s.absorb(m);
                byte[] g = new byte[1000];
                s.squeeze(g, 0, 3);
                s.squeeze(g, 3, 500);
                s.squeeze(g, 503, 497);
                assertThat(g).as("%d %d", bits, len).isEqualTo(e);
            }
        }
    }

    @Test
    void nttProduct() {
        Random r = new Random(5);
        int[] a = new int[256], b = new int[256];
        for (int i = 0; i < 256; i++) {
            a[i] = r.nextInt(Field.Q);
            b[i] = r.nextInt(2 * 4097) - 4096;
        }
        long[] e = new long[256];
        for (int i = 0; i < 256; i++) {
            for (int j = 0; j < 256; j++) {
                long p = (long) a[i] * b[j] % Field.Q;
                if (i + j < 256) {
                    e[i + j] += p;
                } else {
                    e[i + j - 256] -= p;
                }
            }
        }
        int[] ah = a.clone(), bh = b.clone(), o = new int[256];
        Ntt.forward(ah, 0);
        Ntt.reduce(ah, 0);
        Ntt.forward(bh, 0);
        Ntt.pointwise(ah, 0, bh, 0, o, 0);
        Ntt.inverse(o, 0);
        for (int i = 0; i < 256; i++) {
            assertThat(Field.addQIfNegative(o[i])).as("coef %d", i).isEqualTo((int) Math.floorMod(e[i], (long) Field.Q));
        }
    }
}
