package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

/** The sponge and permutation against Bouncy Castle's SHA-3/SHAKE, and chunking independence. */
class KeccakSpongeTest {
    private static final byte SHAKE_DOMAIN = 0x1F;
    private static final byte SHA3_DOMAIN = 0x06;

    @Test
    void rate136WithShakePaddingEqualsBouncyCastleShake256() {
        Random random = new Random(256);
        for (int trial = 0; trial < 200; trial++) {
            byte[] msg = CshakeTest.randomBytes(random, random.nextInt(700));
            SHAKEDigest bc = new SHAKEDigest(256);
            bc.update(msg, 0, msg.length);
            byte[] expected = new byte[136 * 2];
            bc.doOutput(expected, 0, expected.length);

            KeccakSponge sponge = new KeccakSponge(136, 24);
            sponge.absorb(msg);
            sponge.pad(SHAKE_DOMAIN);
            byte[] got = new byte[136 * 2];
            sponge.permute();
            sponge.extract(got, 0, 136);
            sponge.permute();
            sponge.extract(got, 136, 136);
            assertThat(got).as("message length %d", msg.length).isEqualTo(expected);
        }
    }

    @Test
    void rate72WithSha3PaddingEqualsBouncyCastleSha3_512() {
        Random random = new Random(512);
        for (int trial = 0; trial < 200; trial++) {
            byte[] msg = CshakeTest.randomBytes(random, random.nextInt(500));
            SHA3Digest bc = new SHA3Digest(512);
            bc.update(msg, 0, msg.length);
            byte[] expected = new byte[64];
            bc.doFinal(expected, 0);

            KeccakSponge sponge = new KeccakSponge(72, 24);
            sponge.absorb(msg);
            sponge.pad(SHA3_DOMAIN);
            sponge.permute();
            byte[] got = new byte[64];
            sponge.extract(got, 0, 64);
            assertThat(got).as("message length %d", msg.length).isEqualTo(expected);
        }
    }

    @Test
    void absorbingInPiecesEqualsAbsorbingAtOnce() {
        Random random = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            byte[] msg = CshakeTest.randomBytes(random, random.nextInt(1000));
            KeccakSponge whole = new KeccakSponge(72, 24);
            whole.absorb(msg);
            KeccakSponge pieces = new KeccakSponge(72, 24);
            int off = 0;
            while (off < msg.length) {
                int n = Math.min(msg.length - off, random.nextInt(100));
                if (random.nextInt(4) == 0 && msg.length - off >= 8) {
                    pieces.absorbLong(java.nio.ByteBuffer.wrap(msg, off, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
                    n = 8;
                } else {
                    pieces.absorb(msg, off, n);
                }
                off += n;
            }
            assertThat(pieces.position()).isEqualTo(whole.position());
            whole.pad((byte) 0x04);
            pieces.pad((byte) 0x04);
            whole.permute();
            pieces.permute();
            byte[] a = new byte[72];
            byte[] b = new byte[72];
            whole.extract(a, 0, 72);
            pieces.extract(b, 0, 72);
            assertThat(b).isEqualTo(a);
        }
    }

    @Test
    void copyIsIndependent() {
        KeccakSponge a = new KeccakSponge(136, 24);
        a.absorb(new byte[] {1, 2, 3});
        KeccakSponge b = a.copy();
        b.absorb(new byte[] {4});
        a.pad((byte) 0x04);
        b.pad((byte) 0x04);
        a.permute();
        b.permute();
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        a.extract(x, 0, 32);
        b.extract(y, 0, 32);
        assertThat(x).isNotEqualTo(y);
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new KeccakSponge(100, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeccakSponge(72, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeccakSponge(72, 0)).isInstanceOf(IllegalArgumentException.class);
        KeccakSponge s = new KeccakSponge(72, 24);
        assertThatThrownBy(() -> s.extract(new byte[80], 0, 73)).isInstanceOf(IllegalArgumentException.class);
    }
}
