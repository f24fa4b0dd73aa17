package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * {@link BlockPath#AUTO}: the table rounds until {@link VectorRoundsGate} opens, then the vector rounds for
 * calls of at least {@link #VECTOR_MIN_BLOCKS} blocks. Both give the same output, so the choice may change
 * between any two calls, in the middle of a message's keystream included.
 *
 * <p>Short calls stay on the table: the vector rounds work on pairs of 512-bit vectors (four blocks), so
 * one block costs them as much as four, and in {@code qsmp-agent bench} small request/response messages
 * on the vector rounds added 260-290 µs at p99 against 165 µs on the table (p50 unchanged).
 */
final class AutoRijndael256 implements Rijndael256 {
    /** Below this many blocks a call runs on the table rounds even when the vector rounds are open. */
    static final int VECTOR_MIN_BLOCKS = 4;

    private final Rijndael256Table table;
    /** The vector rounds; null until switched. */
    private Rijndael256 vector;
    /** Blocks this instance (and the instance it was copied from) ran on the table rounds. */
    private long tableBlocks;

    AutoRijndael256(int rounds, int[] roundKeys) {
        this.table = new Rijndael256Table(rounds, roundKeys);
    }

    private AutoRijndael256(AutoRijndael256 other) {
        this.table = (Rijndael256Table) other.table.copy();
        this.vector = other.vector == null ? null : other.vector.copy();
        this.tableBlocks = other.tableBlocks;
    }

    /** The rounds to use for {@code blocks} more blocks. */
    private Rijndael256 rounds(int blocks) {
        if (vector != null) {
            return blocks >= VECTOR_MIN_BLOCKS ? vector : table;
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
        return blocks >= VECTOR_MIN_BLOCKS ? vector : table;
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
        table.destroy();
        if (vector != null) {
            vector.destroy();
        }
    }
}
