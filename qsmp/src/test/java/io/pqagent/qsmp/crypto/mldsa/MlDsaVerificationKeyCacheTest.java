package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The LRU of prepared verification keys: hits, bounded size, eviction order, exact-bytes keys, threads. */
class MlDsaVerificationKeyCacheTest {
    private static final MlDsaParameterSet P = MlDsaParameterSet.ML_DSA_44;

    private static byte[] key(int i) {
        return BouncyCastleReference.keyPair(P, "cache " + i).verificationKey();
    }

    @Test
    void aRepeatedKeyIsPreparedOnce() {
        MlDsaVerificationKeyCache cache = new MlDsaVerificationKeyCache(P, 4);
        byte[] pk = key(0);
        PreparedMlDsaVerificationKey first = cache.get(pk);
        assertThat(cache.get(pk.clone())).isSameAs(first);
        assertThat(first.matches(pk)).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theCallersArrayIsCopied() {
        MlDsaVerificationKeyCache cache = new MlDsaVerificationKeyCache(P, 4);
        byte[] pk = key(1);
        byte[] original = pk.clone();
        PreparedMlDsaVerificationKey prepared = cache.get(pk);
        pk[100] ^= 1; // the caller reuses its buffer
        assertThat(cache.get(original)).isSameAs(prepared);
        assertThat(cache.get(pk)).isNotSameAs(prepared);
    }

    @Test
    void keysDifferingInOneByteAreDifferentEntries() {
        MlDsaVerificationKeyCache cache = new MlDsaVerificationKeyCache(P, 4);
        byte[] pk = key(2);
        byte[] lastByte = pk.clone();
        lastByte[pk.length - 1] ^= 0x01;
        PreparedMlDsaVerificationKey a = cache.get(pk);
        PreparedMlDsaVerificationKey b = cache.get(lastByte);
        assertThat(b).isNotSameAs(a);
        assertThat(b.matches(lastByte)).isTrue();
        assertThat(a.matches(lastByte)).isFalse();
        // and a signature under pk verifies only under pk
        SigningKeyPair pair = BouncyCastleReference.keyPair(P, "cache 2");
        byte[] sig = BouncyCastleReference.sign(P, pair.signingKey().bytes(), new byte[] {7});
        assertThat(cache.get(pk).verify(new byte[] {7}, sig)).isTrue();
        assertThat(cache.get(lastByte).verify(new byte[] {7}, sig)).isFalse();
    }

    @Test
    void theLeastRecentlyUsedKeyIsEvictedAtCapacity() {
        MlDsaVerificationKeyCache cache = new MlDsaVerificationKeyCache(P, 3);
        List<byte[]> keys = new ArrayList<>();
        List<PreparedMlDsaVerificationKey> prepared = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(key(10 + i));
        }
        for (int i = 0; i < 3; i++) {
            prepared.add(cache.get(keys.get(i)));
        }
        cache.get(keys.get(0)); // key 1 is now the least recently used
        cache.get(keys.get(3));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get(keys.get(0))).isSameAs(prepared.get(0));
        assertThat(cache.get(keys.get(2))).isSameAs(prepared.get(2));
        assertThat(cache.get(keys.get(1))).as("evicted, prepared again").isNotSameAs(prepared.get(1));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void wrongLengthsAndCapacitiesAreRefused() {
        MlDsaVerificationKeyCache cache = new MlDsaVerificationKeyCache(P, 2);
        assertThatThrownBy(() -> cache.get(new byte[P.verificationKeyBytes() - 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verification key must be");
        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> new MlDsaVerificationKeyCache(P, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentLookupsStayWithinCapacityAndReturnMatchingKeys() throws Exception {
        MlDsaVerificationKeyCache cache = new MlDsaVerificationKeyCache(P, 4);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(key(20 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
            for (int t = 0; t < 4; t++) {
                int start = t;
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 60; i++) {
                        int which = (start + i) % keys.size();
                        ok &= cache.get(keys.get(which)).matches(keys.get(which));
                        ok &= cache.size() <= 4;
                        seen.put(which, true);
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(seen).hasSize(keys.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(4);
    }
}
