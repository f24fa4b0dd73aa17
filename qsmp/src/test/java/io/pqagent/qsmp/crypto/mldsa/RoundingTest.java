package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decompose and the hint functions against a literal transcription of FIPS 204 Algorithms 36-40, for
 * every r in [0, q) and both values of γ2: the multiply-and-shift division must be exact everywhere.
 */
class RoundingTest {
    private static final int Q = Field.Q;

    @Test
    void highAndLowBitsMatchDecomposeForEveryResidue() {
        for (int gamma2 : new int[] {(Q - 1) / 88, (Q - 1) / 32}) {
            Rounding rounding = new Rounding(gamma2);
            for (int r = 0; r < Q; r++) {
                int[] expected = decompose(r, gamma2);
                int high = rounding.highBits(r);
                int low = rounding.lowBits(r);
                if (high != expected[0] || low != expected[1]) {
                    throw new AssertionError("γ2 = " + gamma2 + ", r = " + r + ": got (" + high + ", " + low
                            + "), FIPS 204 says (" + expected[0] + ", " + expected[1] + ")");
                }
            }
            assertThat(rounding.m).isEqualTo((Q - 1) / (2 * gamma2));
        }
    }

    @Test
    void hintsMatchFips204() {
        Random random = new Random(7);
        for (int gamma2 : new int[] {(Q - 1) / 88, (Q - 1) / 32}) {
            Rounding rounding = new Rounding(gamma2);
            int m = (Q - 1) / (2 * gamma2);
            for (int i = 0; i < 500_000; i++) {
                int r = random.nextInt(Q);
                // z as MakeHint sees it in signing: -ct0, small
                int z = random.nextInt(2 * gamma2 + 1) - gamma2;
                int rz = Math.floorMod(r + z, Q);
                int expectedHint = decompose(r, gamma2)[0] != decompose(rz, gamma2)[0] ? 1 : 0;
                assertThat(rounding.makeHint(r, rz)).isEqualTo(expectedHint);
                for (int h = 0; h <= 1; h++) {
                    int[] d = decompose(r, gamma2);
                    int expected = h == 0 ? d[0] : d[1] > 0 ? Math.floorMod(d[0] + 1, m) : Math.floorMod(d[0] - 1, m);
                    assertThat(rounding.useHint(h, r)).isEqualTo(expected);
                }
            }
            // the wrap-around residues, where r⁺ - r0 = q - 1
            for (int r = Q - gamma2 - 2; r < Q; r++) {
                for (int h = 0; h <= 1; h++) {
                    int[] d = decompose(r, gamma2);
                    int expected = h == 0 ? d[0] : d[1] > 0 ? Math.floorMod(d[0] + 1, m) : Math.floorMod(d[0] - 1, m);
                    assertThat(rounding.useHint(h, r)).as("r = %d h = %d", r, h).isEqualTo(expected);
                }
            }
        }
    }

    /** FIPS 204 Algorithm 36, written out with plain division. */
    static int[] decompose(int r, int gamma2) {
        int rPlus = Math.floorMod(r, Q);
        int r0 = rPlus % (2 * gamma2);
        if (r0 > gamma2) {
            r0 -= 2 * gamma2;
        }
        int r1;
        if (rPlus - r0 == Q - 1) {
            r1 = 0;
            r0 = r0 - 1;
        } else {
            r1 = (rPlus - r0) / (2 * gamma2);
        }
        return new int[] {r1, r0};
    }
}
