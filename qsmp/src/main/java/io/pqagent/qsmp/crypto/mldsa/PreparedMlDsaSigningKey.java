package io.pqagent.qsmp.crypto.mldsa;

import java.util.Arrays;

/**
 * An ML-DSA signing key prepared once for many signatures (FIPS 204 Algorithm 7 with its key-only steps
 * done ahead): the expanded key ρ ‖ K ‖ tr ‖ s1 ‖ s2 ‖ t0 is decoded and Â = ExpandA(ρ), ŝ1, ŝ2, t̂0 are
 * kept, so a signature costs only the rejection loop. Signing is the deterministic variant (rnd = 0^32)
 * of pure ML-DSA with an empty context, as QSC signs.
 *
 * <p>Safe for concurrent signing (the prepared parts are only read; each call has its own scratch,
 * wiped before it returns). {@link #close()} wipes the secret parts; closing while another thread signs
 * is not safe.
 */
public final class PreparedMlDsaSigningKey implements AutoCloseable {
    private final MlDsaParameterSet params;
    private final Rounding rounding;
    /** Â: derived from public ρ, not secret. */
    private final int[] aHat;
    /** K, the 32-byte signing seed. */
    private final byte[] key;
    private final byte[] tr;
    /** NTT(s1), NTT(s2), NTT(t0), reduced into (-q, q). */
    private final int[] s1Hat;
    private final int[] s2Hat;
    private final int[] t0Hat;
    private volatile boolean closed;

    private PreparedMlDsaSigningKey(MlDsaParameterSet params, int[] aHat, byte[] key, byte[] tr, int[] s1Hat,
            int[] s2Hat, int[] t0Hat) {
        this.params = params;
        this.rounding = new Rounding(params.gamma2);
        this.aHat = aHat;
        this.key = key;
        this.tr = tr;
        this.s1Hat = s1Hat;
        this.s2Hat = s2Hat;
        this.t0Hat = t0Hat;
    }

    /**
     * Decodes the expanded signing key (FIPS 204 Algorithm 25) and prepares it. A key of the wrong length
     * or with a coefficient of s1 or s2 outside [-η, η] is refused: KeyGen never makes such a key, and
     * signing with it would break the bound β = τη on cs1 and cs2 that the rejection checks rely on.
     */
    public static PreparedMlDsaSigningKey prepare(MlDsaParameterSet params, byte[] sk) {
        if (sk.length != params.signingKeyBytes()) {
            throw new IllegalArgumentException(params + " signing key must be " + params.signingKeyBytes()
                    + " bytes, got " + sk.length);
        }
        int seed = MlDsaParameterSet.SEED_BYTES;
        int etaPoly = MlDsaParameterSet.polyBytes(params.etaBits);
        int s1Off = 2 * seed + MlDsaParameterSet.TR_BYTES;
        int s2Off = s1Off + params.l * etaPoly;
        int t0Off = s2Off + params.k * etaPoly;
        int[] s1 = new int[params.l * Ntt.N];
        int[] s2 = new int[params.k * Ntt.N];
        int outOfRange = KeyEncoding.decodeEta(params, sk, s1Off, params.l, s1)
                | KeyEncoding.decodeEta(params, sk, s2Off, params.k, s2);
        if (outOfRange != 0) {
            Arrays.fill(s1, 0);
            Arrays.fill(s2, 0);
            throw new IllegalArgumentException(params + " signing key has a coefficient of s1 or s2 outside [-"
                    + params.eta + ", " + params.eta + "]");
        }
        int[] t0 = new int[params.k * Ntt.N];
        KeyEncoding.decodeT0(params, sk, t0Off, t0);
        toNttDomain(s1, params.l);
        toNttDomain(s2, params.k);
        toNttDomain(t0, params.k);
        return new PreparedMlDsaSigningKey(params, MatrixExpansion.expandA(params, sk, 0),
                Arrays.copyOfRange(sk, seed, 2 * seed), Arrays.copyOfRange(sk, 2 * seed, s1Off), s1, s2, t0);
    }

    private static void toNttDomain(int[] v, int count) {
        for (int i = 0; i < count; i++) {
            Ntt.forward(v, i * Ntt.N);
            Ntt.reduce(v, i * Ntt.N);
        }
    }

    public MlDsaParameterSet parameterSet() {
        return params;
    }

    /** ML-DSA.Sign(sk, M, ctx = empty) with rnd = 0^32 (FIPS 204 Algorithms 2 and 7): σ of signatureBytes(). */
    public byte[] sign(byte[] message) {
        return sign(message, null);
    }

    /** {@link #sign(byte[])}, telling {@code passes[0]} how many passes of the rejection loop it took. */
    byte[] sign(byte[] message, int[] passes) {
        if (closed) {
            throw new IllegalStateException("prepared " + params + " signing key already closed");
        }
        MlDsaParameterSet p = params;
        SigningAttempt attempt = new SigningAttempt(p);
        try {
            byte[] mu = MessageRepresentative.mu(tr, message); // Algorithm 7: μ
            // ρ'' = H(K ‖ rnd ‖ μ, 64), rnd = 0^32 for the deterministic variant
            attempt.shake.reset();
            attempt.shake.absorb(key).absorb(new byte[MlDsaParameterSet.SEED_BYTES]).absorb(mu)
                    .squeeze(attempt.rhoPrimePrime, 0, attempt.rhoPrimePrime.length);
            // the rejection loop; κ advances by l and feeds ExpandMask's 16-bit nonces
            for (int kappa = 0; kappa <= 0xFFFF - p.l; kappa += p.l) {
                byte[] sig = attempt.tryOnce(this, mu, kappa);
                if (sig != null) {
                    if (passes != null) {
                        passes[0] = kappa / p.l + 1;
                    }
                    return sig;
                }
            }
            throw new IllegalStateException(p + " signing did not succeed within 2^16 mask nonces");
        } finally {
            attempt.wipe();
        }
    }

    Rounding rounding() {
        return rounding;
    }

    int[] aHat() {
        return aHat;
    }

    int[] s1Hat() {
        return s1Hat;
    }

    int[] s2Hat() {
        return s2Hat;
    }

    int[] t0Hat() {
        return t0Hat;
    }

    /** Wipes K, tr, ŝ1, ŝ2 and t̂0; later {@link #sign} calls fail. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(key, (byte) 0);
        Arrays.fill(tr, (byte) 0);
        Arrays.fill(s1Hat, 0);
        Arrays.fill(s2Hat, 0);
        Arrays.fill(t0Hat, 0);
    }

    @Override
    public String toString() {
        return "PreparedMlDsaSigningKey[" + params + ", <secret>]";
    }
}
