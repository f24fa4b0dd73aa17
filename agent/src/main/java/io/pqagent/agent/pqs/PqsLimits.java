package io.pqagent.agent.pqs;

/** The bounds of docs/pqs.md §2, checked both when a message is built and when it is parsed. */
public final class PqsLimits {
    /** Largest data field of OUTPUT and TRANSFER_DATA. */
    public static final int MAX_CHUNK = 32 * 1024;
    /** Largest PQS message: a full chunk plus its fixed fields, well inside one Simplex payload. */
    public static final int MAX_MESSAGE = MAX_CHUNK + 64;
    public static final int MAX_USER = 64;
    public static final int MAX_PASSPHRASE = 1024;
    /** Command lines, paths, error and status texts. */
    public static final int MAX_TEXT = 16 * 1024;
    public static final int HASH_SIZE = 32;
    /** 1 TiB: a transfer announcing more is refused before anything is written. */
    public static final long MAX_SIZE = 1L << 40;

    private PqsLimits() {
    }

    static void checkU8(String what, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " " + v + " is outside 0..255");
        }
    }

    static void checkU32(String what, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + v + " is outside 0..2^32-1");
        }
    }

    static void checkChunk(int length) {
        if (length > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk of " + length + " bytes exceeds " + MAX_CHUNK);
        }
    }

    static void checkSize(long size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " is outside 0.." + MAX_SIZE);
        }
    }

    static void checkHash(byte[] hash) {
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException("a SHA3-256 hash has 32 bytes, not " + hash.length);
        }
    }
}
