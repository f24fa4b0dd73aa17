package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table and constant-time Rijndael-256 paths agree; the S-box is the AES one. */
class Rijndael256PathsTest {
    @Test
    void sboxMatchesFips197Examples() {
        assertThat(AesSbox.substitute(0x00)).isEqualTo(0x63);
        assertThat(AesSbox.substitute(0x53)).isEqualTo(0xED);
        assertThat(AesSbox.substitute(0xFF)).isEqualTo(0x16);
        boolean[] seen = new boolean[256];
        for (int x = 0; x < 256; x++) {
            seen[AesSbox.substitute(x)] = true;
        }
        assertThat(seen).as("the S-box is a permutation").containsOnly(true);
    }

    @Test
    void bitslicedSboxEqualsTheTableForEveryByte() {
        // two blocks per pass, one in each 32-bit half of the planes: bytes base .. base+31 and base+32 .. base+63
        for (int base = 0; base < 256; base += 64) {
            int[] colsA = new int[8];
            int[] colsB = new int[8];
            for (int j = 0; j < 32; j++) {
                colsA[j >>> 2] |= (base + j) << (8 * (j & 3));
                colsB[j >>> 2] |= (base + 32 + j) << (8 * (j & 3));
            }
            int[] planesA = new int[8];
            int[] planesB = new int[8];
            Rijndael256ConstantTime.toPlanes(colsA, planesA);
            Rijndael256ConstantTime.toPlanes(colsB, planesB);
            long[] planes = new long[8];
            for (int i = 0; i < 8; i++) {
                planes[i] = Integer.toUnsignedLong(planesA[i]) | ((long) planesB[i] << 32);
            }
            BitslicedAesSbox.substitute(planes);
            for (int i = 0; i < 8; i++) {
                planesA[i] = (int) planes[i];
                planesB[i] = (int) (planes[i] >>> 32);
            }
            Rijndael256ConstantTime.fromPlanes(planesA, colsA);
            Rijndael256ConstantTime.fromPlanes(planesB, colsB);
            for (int j = 0; j < 32; j++) {
                assertThat((colsA[j >>> 2] >>> (8 * (j & 3))) & 0xff).as("S(%02x)", base + j)
                        .isEqualTo(AesSbox.substitute(base + j));
                assertThat((colsB[j >>> 2] >>> (8 * (j & 3))) & 0xff).as("S(%02x)", base + 32 + j)
                        .isEqualTo(AesSbox.substitute(base + 32 + j));
            }
        }
    }

    @Test
    void bitslicedTransposeRoundTrips() {
        Random random = new Random(3);
        int[] cols = new int[8];
        int[] planes = new int[8];
        int[] back = new int[8];
        for (int t = 0; t < 1000; t++) {
            for (int i = 0; i < 8; i++) {
                cols[i] = random.nextInt();
            }
            Rijndael256ConstantTime.toPlanes(cols, planes);
            // plane i, bit j = bit i of state byte j
            int j = random.nextInt(32);
            int i = random.nextInt(8);
            int stateByte = (cols[j >>> 2] >>> (8 * (j & 3))) & 0xff;
            assertThat((planes[i] >>> j) & 1).isEqualTo((stateByte >>> i) & 1);
            Rijndael256ConstantTime.fromPlanes(planes, back);
            assertThat(back).isEqualTo(cols);
        }
    }

    @Test
    void bothPathsGiveIdenticalBlocksForRandomKeysAndInputs() {
        Random random = new Random(256);
        for (int rounds : new int[] {1, 2, 22, 30}) {
            for (int t = 0; t < 300; t++) {
                int[] rk = new int[8 * (rounds + 1)];
                for (int i = 0; i < rk.length; i++) {
                    rk[i] = random.nextInt();
                }
                int[] a = new int[8];
                for (int i = 0; i < 8; i++) {
                    a[i] = random.nextInt();
                }
                int[] b = a.clone();
                new Rijndael256Table(rounds, rk).encrypt(a);
                new Rijndael256ConstantTime(rounds, rk).encrypt(b);
                assertThat(b).as("rounds %d trial %d", rounds, t).isEqualTo(a);
            }
        }
    }

    /**
     * The table path's CTR entry point (several blocks per call, rounds 1-2 cached per run of counters that
     * share bytes 1..31) against the constant-time path one block at a time: random keys, both RCS round
     * counts and small ones, counters that cross a byte-0 run, carry through whole limbs, wrap around 2^256,
     * and a cache carried over between calls and into a copy.
     */
    @Test
    void tableCounterBlocksEqualConstantTimeBlockByBlock() {
        Random random = new Random(512);
        long[][] starts = {
            {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()},
            {0xF0L, 7, 8, 9},
            {-3L, -1L, 5, 6},
            {-2L, -1L, -1L, -1L},
            {0, 0, 0, 0},
        };
        for (int rounds : new int[] {1, 2, 3, 22, 30}) {
            for (int t = 0; t < 20; t++) {
                int[] rk = new int[8 * (rounds + 1)];
                for (int i = 0; i < rk.length; i++) {
                    rk[i] = random.nextInt();
                }
                Rijndael256 table = new Rijndael256Table(rounds, rk);
                Rijndael256 reference = new Rijndael256ConstantTime(rounds, rk);
                long[] start = starts[t % starts.length].clone();
                if (t >= starts.length) {
                    start[0] = random.nextLong();
                }
                long[] counter = start.clone();
                long[] expectedCounter = start.clone();
                // calls of varying size; the cache must carry over between calls and across runs
                for (int count : new int[] {1, 2, 16, 5, 300, 3}) {
                    long[] out = new long[4 * count];
                    table.encryptCounters(counter, out, count);
                    for (int b = 0; b < count; b++) {
                        int[] block = new int[8];
                        for (int j = 0; j < 4; j++) {
                            block[2 * j] = (int) expectedCounter[j];
                            block[2 * j + 1] = (int) (expectedCounter[j] >>> 32);
                        }
                        reference.encrypt(block);
                        for (int j = 0; j < 4; j++) {
                            long expected = Integer.toUnsignedLong(block[2 * j]) | ((long) block[2 * j + 1] << 32);
                            assertThat(out[4 * b + j]).as("rounds %d trial %d count %d block %d long %d", rounds, t,
                                    count, b, j).isEqualTo(expected);
                        }
                        increment(expectedCounter);
                    }
                    assertThat(counter).as("counter advanced by %d", count).isEqualTo(expectedCounter);
                }
                // a copy starts without the cache and must still agree
                long[] a = new long[4 * 40];
                long[] b = new long[4 * 40];
                long[] c1 = counter.clone();
                long[] c2 = counter.clone();
                table.copy().encryptCounters(c1, a, 40);
                table.encryptCounters(c2, b, 40);
                assertThat(a).isEqualTo(b);
            }
        }
    }

    @Test
    void manyBlocksPerCallEqualOneBlockAtATime() {
        Random random = new Random(4);
        for (int rounds : new int[] {22, 30}) {
            int[] rk = new int[8 * (rounds + 1)];
            for (int i = 0; i < rk.length; i++) {
                rk[i] = random.nextInt();
            }
            Rijndael256 table = new Rijndael256Table(rounds, rk);
            Rijndael256 reference = new Rijndael256ConstantTime(rounds, rk);
            long[] blocks = new long[4 * 37];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = random.nextLong();
            }
            long[] viaTable = blocks.clone();
            long[] viaReference = blocks.clone();
            table.encrypt(viaTable, 4, 35);
            reference.encrypt(viaReference, 4, 35);
            assertThat(viaTable).isEqualTo(viaReference);
            assertThat(viaTable[0]).as("outside the range").isEqualTo(blocks[0]);
            assertThat(viaTable[4 * 36 + 3]).as("outside the range").isEqualTo(blocks[4 * 36 + 3]);
        }
    }

    private static void increment(long[] n) {
        for (int i = 0; i < 4; i++) {
            if (++n[i] != 0) {
                return;
            }
        }
    }

    @Test
    void singleRoundIsSubBytesShiftRowsAndKey() {
        // one round = AddRoundKey(rk0), then the final round: SubBytes, ShiftRows (1/3/4), AddRoundKey(rk1)
        Random random = new Random(11);
        byte[] in = new byte[32];
        random.nextBytes(in);
        int[] block = new int[8];
        for (int j = 0; j < 32; j++) {
            block[j >>> 2] |= (in[j] & 0xff) << (8 * (j & 3));
        }
        new Rijndael256Table(1, new int[16]).encrypt(block);
        int[] shift = {0, 1, 3, 4};
        for (int c = 0; c < 8; c++) {
            for (int r = 0; r < 4; r++) {
                int expected = AesSbox.substitute(in[4 * ((c + shift[r]) % 8) + r] & 0xff);
                assertThat((block[c] >>> (8 * r)) & 0xff).as("row %d column %d", r, c).isEqualTo(expected);
            }
        }
    }
}
