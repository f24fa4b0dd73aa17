package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SimpleBitPack/Unpack against a bit-by-bit transcription of FIPS 204 Algorithms 9, 12, 16 and 18, for
 * every width ML-DSA uses, and both unpack paths (with eight bytes of slack, and exactly at the end).
 */
class BitPackingTest {
    private static final int[] WIDTHS = {3, 4, 6, 10, 13, 18, 20};

    @Test
    void packAndUnpackFollowTheBitOrderOfFips204() {
        Random random = new Random(11);
        for (int bits : WIDTHS) {
            for (int trial = 0; trial < 20; trial++) {
                int[] values = new int[256];
                for (int i = 0; i < 256; i++) {
                    values[i] = random.nextInt(1 << bits);
                }
                byte[] expected = literalPack(values, bits);
                byte[] packed = new byte[32 * bits];
                BitPacking.pack(values, 0, bits, packed, 0);
                assertThat(packed).as("pack %d bits", bits).isEqualTo(expected);

                int[] exact = new int[256];
                BitPacking.unpack(packed, 0, bits, exact, 0); // no slack: the byte-wise path
                assertThat(exact).as("unpack %d bits at the end of the array", bits).isEqualTo(values);
                byte[] roomy = new byte[5 + packed.length + 8];
                System.arraycopy(packed, 0, roomy, 5, packed.length);
                int[] fast = new int[300];
                BitPacking.unpack(roomy, 5, bits, fast, 44); // slack: the 64-bit path
                for (int i = 0; i < 256; i++) {
                    assertThat(fast[44 + i]).isEqualTo(values[i]);
                }
            }
        }
    }

    private static byte[] literalPack(int[] values, int bits) {
        boolean[] bitString = new boolean[256 * bits];
        for (int i = 0; i < 256; i++) {
            for (int b = 0; b < bits; b++) {
                bitString[i * bits + b] = ((values[i] >> b) & 1) != 0;
            }
        }
        byte[] out = new byte[bitString.length / 8];
        for (int i = 0; i < bitString.length; i++) {
            if (bitString[i]) {
                out[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }
}
