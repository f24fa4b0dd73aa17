package io.pqagent.qsmp.crypto;

/**
 * Per-thread working space of the RCS message path: the counter block and length absorbed into the MAC,
 * the tag computed on decryption, and KMAC's final block. An idle session then holds only its keys and
 * chained state, not these buffers (about 0.7 KiB per session); one message at a time uses them on a
 * thread, so one set per thread is enough. Every use wipes the counter block, the tag and the final
 * block before returning (a destroyed cipher leaves nothing behind here); the length is public.
 */
final class RcsScratch {
    private static final ThreadLocal<RcsScratch> PER_THREAD = ThreadLocal.withInitial(RcsScratch::new);
    /** The largest Keccak rate RCS uses (KMAC256, RCS-256). */
    private static final int MAX_RATE = 136;
    /** The largest tag (KMAC on RCS-512). */
    private static final int MAX_TAG = 64;

    final byte[] nonce = new byte[RcsVariant.NONCE_SIZE];
    final byte[] length = new byte[Integer.BYTES];
    final byte[] tag = new byte[MAX_TAG];
    final byte[] block = new byte[MAX_RATE];

    private RcsScratch() {
    }

    static RcsScratch current() {
        return PER_THREAD.get();
    }
}
