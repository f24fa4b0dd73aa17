package io.pqagent.qsmp.crypto;

/**
 * The RCS block function (QSMP-WIRE §5.3): Rijndael with a 256-bit block (Nb = 8, ShiftRows offsets 0/1/3/4),
 * AES S-box and MixColumns, 22 or 30 rounds, round keys from the cSHAKE key schedule (§5.2).
 *
 * <p>A block is eight 32-bit columns; column c holds state bytes 4c .. 4c+3 little-endian (row r in bits
 * 8r .. 8r+7), which is the byte order of the counter block and of the round keys.
 */
interface Rijndael256 {
    /** Encrypts the eight columns of {@code block} in place. */
    void encrypt(int[] block);

    /**
     * Encrypts {@code count} blocks in place, each as four longs from {@code blocks[offset]} on: long j of a
     * block holds column 2j in its low and column 2j+1 in its high 32 bits (so the four longs are the 32
     * block bytes read little-endian). Lets CTR mode hand over many counter blocks per call.
     */
    default void encrypt(long[] blocks, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, 4 * count, blocks.length);
        int[] cols = new int[8];
        for (int p = offset, end = offset + 4 * count; p < end; p += 4) {
            toColumns(blocks, p, cols);
            encrypt(cols);
            toLongs(cols, blocks, p);
        }
        java.util.Arrays.fill(cols, 0);
    }

    /** The eight columns of the block at {@code blocks[p .. p + 4)} (layout above). */
    static void toColumns(long[] blocks, int p, int[] cols) {
        for (int j = 0; j < 4; j++) {
            cols[2 * j] = (int) blocks[p + j];
            cols[2 * j + 1] = (int) (blocks[p + j] >>> 32);
        }
    }

    /** Eight columns into the four longs at {@code blocks[p .. p + 4)}. */
    static void toLongs(int[] cols, long[] blocks, int p) {
        for (int j = 0; j < 4; j++) {
            blocks[p + j] = Integer.toUnsignedLong(cols[2 * j]) | ((long) cols[2 * j + 1] << 32);
        }
    }

    /**
     * CTR mode's keystream: encrypts {@code count} successive counter blocks, the first being {@code counter}
     * (four longs as above, a 256-bit little-endian integer), into {@code out[0 .. 4 * count)}, and advances
     * {@code counter} by {@code count} with full carry. The table path overrides it to share the work of
     * the first two rounds between counters that differ only in their low byte.
     */
    default void encryptCounters(long[] counter, long[] out, int count) {
        java.util.Objects.checkFromIndexSize(0, 4 * count, out.length);
        for (int p = 0; p < 4 * count; p += 4) {
            System.arraycopy(counter, 0, out, p, 4);
            // the counter is public, so branching on it is fine
            if (++counter[0] == 0 && ++counter[1] == 0 && ++counter[2] == 0) {
                counter[3]++;
            }
        }
        encrypt(out, 0, count);
    }

    /** An independent instance with the same round keys. */
    Rijndael256 copy();

    /** Zeroizes the round keys. */
    void destroy();
}
