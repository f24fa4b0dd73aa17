package io.pqagent.qsmp.crypto.mldsa;

/**
 * The three parameter sets of FIPS 204 §4 (Table 1), with the encoding sizes of Table 2 derived from
 * them. Every size used by a parser or encoder comes from here.
 */
public enum MlDsaParameterSet {
    ML_DSA_44(4, 4, 2, 39, 128, 1 << 17, (Field.Q - 1) / 88, 80),
    ML_DSA_65(6, 5, 4, 49, 192, 1 << 19, (Field.Q - 1) / 32, 55),
    ML_DSA_87(8, 7, 2, 60, 256, 1 << 19, (Field.Q - 1) / 32, 75);

    /** d: bits dropped from t (FIPS 204 Table 1). */
    static final int D = 13;
    static final int N = 256;
    /** Bytes of ρ, K (and of the seed ξ). */
    static final int SEED_BYTES = 32;
    /** Bytes of tr and μ. */
    static final int TR_BYTES = 64;
    /** 10 bits per coefficient of t1: bitlen(q - 1) - d. */
    static final int T1_BITS = 10;
    /** 13 bits per coefficient of t0: t0 ∈ (-2^12, 2^12]. */
    static final int T0_BITS = D;

    final int k;
    final int l;
    final int eta;
    final int tau;
    final int lambda;
    final int gamma1;
    final int gamma2;
    final int omega;
    final int beta;
    /** Bits per packed coefficient of s1, s2: bitlen(2η). */
    final int etaBits;
    /** Bits per packed coefficient of z and of the mask y: 1 + bitlen(γ1 - 1). */
    final int zBits;
    /** Bits per packed coefficient of w1: bitlen((q - 1)/(2γ2) - 1). */
    final int w1Bits;

    MlDsaParameterSet(int k, int l, int eta, int tau, int lambda, int gamma1, int gamma2, int omega) {
        this.k = k;
        this.l = l;
        this.eta = eta;
        this.tau = tau;
        this.lambda = lambda;
        this.gamma1 = gamma1;
        this.gamma2 = gamma2;
        this.omega = omega;
        this.beta = tau * eta;
        this.etaBits = bitLength(2 * eta);
        this.zBits = 1 + bitLength(gamma1 - 1);
        this.w1Bits = bitLength((Field.Q - 1) / (2 * gamma2) - 1);
    }

    /** Bytes of c̃: λ/4. */
    public int challengeBytes() {
        return lambda / 4;
    }

    /** pk = ρ ‖ t1 (FIPS 204 Algorithm 22). */
    public int verificationKeyBytes() {
        return SEED_BYTES + k * polyBytes(T1_BITS);
    }

    /** The expanded sk = ρ ‖ K ‖ tr ‖ s1 ‖ s2 ‖ t0 (FIPS 204 Algorithm 24). */
    public int signingKeyBytes() {
        return 2 * SEED_BYTES + TR_BYTES + (l + k) * polyBytes(etaBits) + k * polyBytes(T0_BITS);
    }

    /** σ = c̃ ‖ z ‖ h (FIPS 204 Algorithm 26). */
    public int signatureBytes() {
        return challengeBytes() + l * polyBytes(zBits) + omega + k;
    }

    /** Bytes of w1Encode(w1) (FIPS 204 Algorithm 28). */
    int w1Bytes() {
        return k * polyBytes(w1Bits);
    }

    static int polyBytes(int bits) {
        return N * bits / 8;
    }

    private static int bitLength(int x) {
        return 32 - Integer.numberOfLeadingZeros(x);
    }
}
