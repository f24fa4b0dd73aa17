package io.pqagent.qsmp.crypto.mldsa;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used prepared verification keys of one parameter set, keyed by the exact encoded key:
 * a peer's key verified again skips ExpandA, H(pk) and the NTT of t1. Thread-safe; a key is prepared
 * outside the lock, so two threads missing on the same key at once may both prepare it (the later one
 * wins; both results are equal).
 */
public final class MlDsaVerificationKeyCache {
    private final MlDsaParameterSet params;
    private final int capacity;
    private final Map<EncodedKey, PreparedMlDsaVerificationKey> entries;

    public MlDsaVerificationKeyCache(MlDsaParameterSet params, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive, got " + capacity);
        }
        this.params = params;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<EncodedKey, PreparedMlDsaVerificationKey> eldest) {
                return size() > MlDsaVerificationKeyCache.this.capacity;
            }
        };
    }

    /** The prepared form of {@code pk}, from the cache or prepared now (and cached). */
    public PreparedMlDsaVerificationKey get(byte[] pk) {
        EncodedKey lookup = new EncodedKey(pk);
        synchronized (entries) {
            PreparedMlDsaVerificationKey hit = entries.get(lookup);
            if (hit != null) {
                return hit;
            }
        }
        PreparedMlDsaVerificationKey prepared = PreparedMlDsaVerificationKey.prepare(params, pk);
        synchronized (entries) {
            // a private copy: the caller may reuse its array
            entries.put(new EncodedKey(pk.clone(), lookup.hash), prepared);
        }
        return prepared;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Equal only to the same bytes; the hash reads all of them, eight at a time. */
    private static final class EncodedKey {
        private static final VarHandle LE_LONG =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        private final byte[] bytes;
        private final int hash;

        EncodedKey(byte[] bytes) {
            this(bytes, hashOf(bytes));
        }

        EncodedKey(byte[] bytes, int hash) {
            this.bytes = bytes;
            this.hash = hash;
        }

        private static int hashOf(byte[] b) {
            long h = b.length;
            int i = 0;
            for (; i + 8 <= b.length; i += 8) {
                h = 31 * h + (long) LE_LONG.get(b, i);
            }
            for (; i < b.length; i++) {
                h = 31 * h + b[i];
            }
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EncodedKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
