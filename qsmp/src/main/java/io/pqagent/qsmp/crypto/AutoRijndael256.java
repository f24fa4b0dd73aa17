package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * {@link BlockPath#AUTO}: the table rounds until {@link VectorRoundsGate} opens, then the vector rounds for
 * the rest of this instance's life. Both give the same output, so the switch may fall between any two calls,
 * in the middle of a message's keystream included.
 */
final class AutoRijndael256 implements Rijndael256 {
    /** The table rounds; null once switched (then wiped). */
    private Rijndael256Table table;
    /** The vector rounds; null until switched. */
    private Rijndael256 vector;
    /** Blocks this instance (and the instance it was copied from) ran on the table rounds. */
    private long tableBlocks;

    AutoRijndael256(int rounds, int[] roundKeys) {
        this.table = new Rijndael256Table(rounds, roundKeys);
    }

    private AutoRijndael256(AutoRijndael256 other) {
        this.table = other.table == null ? null : (Rijndael256Table) other.table.copy();
        this.vector = other.vector == null ? null : other.vector.copy();
        this.tableBlocks = other.tableBlocks;
    }

    /** The rounds to use for {@code blocks} more blocks. */
    private Rijndael256 rounds(int blocks) {
        if (vector != null) {
            return vector;
        }
        if (!VectorRoundsGate.open()) {
            tableBlocks += blocks;
            if (tableBlocks >= VectorRoundsGate.WARM_UP_AFTER_BLOCKS) {
                VectorRoundsGate.requestWarmUp();
            }
            return table;
        }
        long[] keys = table.roundKeyLongs();
        try {
            vector = new VectorRijndael256(table.rounds(), keys);
        } finally {
            Arrays.fill(keys, 0L);
        }
        table.destroy();
        table = null;
        return vector;
    }

    /** Whether this instance has moved to the vector rounds (for tests). */
    boolean usesVectorRounds() {
        return vector != null;
    }

    @Override
    public void encrypt(int[] block) {
        rounds(1).encrypt(block);
    }

    @Override
    public void encrypt(long[] blocks, int offset, int count) {
        rounds(count).encrypt(blocks, offset, count);
    }

    @Override
    public void encryptCounters(long[] counter, long[] out, int count) {
        rounds(count).encryptCounters(counter, out, count);
    }

    @Override
    public Rijndael256 copy() {
        return new AutoRijndael256(this);
    }

    @Override
    public void destroy() {
        if (table != null) {
            table.destroy();
        }
        if (vector != null) {
            vector.destroy();
        }
    }
}
