package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

/** Our SHAKE128/256 against Bouncy Castle's, across block boundaries and squeeze chunkings. */
class ShakeTest {
    @Test
    void matchesBouncyCastleForAnyInputLengthAndSqueezePattern() {
        Random random = new Random(9);
        int[] lengths = {0, 1, 7, 8, 34, 66, 128, 135, 136, 137, 167, 168, 169, 300, 1000, 2592};
        for (int bits : new int[] {128, 256}) {
            for (int len : lengths) {
                byte[] m = new byte[len];
                random.nextBytes(m);
                SHAKEDigest bc = new SHAKEDigest(bits);
                bc.update(m, 0, len);
                byte[] expected = new byte[1200];
                bc.doOutput(expected, 0, expected.length);

                Shake shake = bits == 128 ? Shake.shake128() : Shake.shake256();
                int cut = len == 0 ? 0 : random.nextInt(len + 1);
                shake.absorb(m, 0, cut).absorb(m, cut, len - cut);
                byte[] got = new byte[1200];
                int off = 0;
                while (off < got.length) {
                    int n = Math.min(got.length - off, 1 + random.nextInt(300));
                    shake.squeeze(got, off, n);
                    off += n;
                }
                assertThat(got).as("SHAKE%d of %d bytes", bits, len).isEqualTo(expected);
            }
        }
    }

    @Test
    void resetStartsAfreshAndAbsorbingAfterSqueezingIsRefused() {
        Shake shake = Shake.shake256();
        byte[] first = new byte[64];
        shake.absorb(new byte[] {1, 2, 3}).squeeze(first, 0, 64);
        assertThatThrownBy(() -> shake.absorb(new byte[1])).isInstanceOf(IllegalStateException.class);
        shake.reset();
        byte[] again = new byte[64];
        shake.absorb(new byte[] {1, 2, 3}).squeeze(again, 0, 64);
        assertThat(again).isEqualTo(first);
    }
}
