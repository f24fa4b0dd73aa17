package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.Shake;
import java.util.Arrays;

/**
 * An ML-DSA verification key prepared once for many verifications (FIPS 204 Algorithm 8 with its
 * key-only steps done ahead): Â = ExpandA(ρ), tr = H(pk, 64) and NTT(t1·2^d) are computed here, so a
 * verification costs NTT(z), one matrix-vector product, one inverse NTT per row and three short hashes.
 *
 * <p>Immutable after construction: safe for concurrent use; every call allocates its own scratch.
 * Malformed signatures yield {@code false}, never an exception.
 */
public final class PreparedMlDsaVerificationKey {
    private final MlDsaParameterSet params;
    private final Rounding rounding;
    private final byte[] encoded;
    private final byte[] tr;
    private final int[] aHat;
    /** NTT(t1·2^d), reduced into (-q, q). */
    private final int[] t1Hat;

    private PreparedMlDsaVerificationKey(MlDsaParameterSet params, byte[] pk) {
        this.params = params;
        this.rounding = new Rounding(params.gamma2);
        this.encoded = pk.clone();
        // FIPS 204 Algorithm 8's key-only work: pkDecode, ExpandA, tr = H(pk, 64)
        this.aHat = MatrixExpansion.expandA(params, encoded, 0);
        this.tr = new byte[MlDsaParameterSet.TR_BYTES];
        Shake.shake256().absorb(encoded).squeeze(tr, 0, tr.length);
        this.t1Hat = KeyEncoding.decodeT1(params, encoded);
        for (int i = 0; i < params.k; i++) {
            int off = i * Ntt.N;
            for (int j = off; j < off + Ntt.N; j++) {
                t1Hat[j] <<= MlDsaParameterSet.D; // at most (2^10 - 1)·2^13 = q - 1
            }
            Ntt.forward(t1Hat, off);
            Ntt.reduce(t1Hat, off);
        }
    }

    /** Parses and prepares {@code pk} = ρ ‖ t1 (FIPS 204 Algorithm 23); only its length can be wrong. */
    public static PreparedMlDsaVerificationKey prepare(MlDsaParameterSet params, byte[] pk) {
        if (pk.length != params.verificationKeyBytes()) {
            throw new IllegalArgumentException(params + " verification key must be " + params.verificationKeyBytes()
                    + " bytes, got " + pk.length);
        }
        return new PreparedMlDsaVerificationKey(params, pk);
    }

    public MlDsaParameterSet parameterSet() {
        return params;
    }

    /** A copy of the encoded key this was prepared from. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** Whether this key was prepared from exactly {@code pk}. */
    public boolean matches(byte[] pk) {
        return Arrays.equals(encoded, pk);
    }

    /** ML-DSA.Verify(pk, M, σ, ctx = empty) (FIPS 204 Algorithms 3 and 8). */
    public boolean verify(byte[] message, byte[] signature) {
        MlDsaParameterSet p = params;
        if (signature.length != p.signatureBytes()) {
            return false;
        }
        // Algorithm 8: sigDecode, and the final bound ||z||∞ < γ1 - β checked first because it is cheap
        int[] z = new int[p.l * Ntt.N];
        SignatureEncoding.decodeZ(p, signature, z);
        int bound = p.gamma1 - p.beta;
        for (int v : z) {
            if (Field.abs(v) >= bound) {
                return false;
            }
        }
        int[] h = new int[p.k * Ntt.N];
        if (!SignatureEncoding.decodeHint(p, signature, h)) {
            return false; // h = ⊥
        }
        byte[] mu = MessageRepresentative.mu(tr, message); // μ
        Shake shake = Shake.shake256();
        int[] cHat = new int[Ntt.N];
        Challenge.sampleInBall(p, signature, 0, shake, new byte[Shake.RATE_256], cHat); // c = SampleInBall(c̃)
        Ntt.forward(cHat, 0);
        for (int i = 0; i < p.l; i++) {
            Ntt.forward(z, i * Ntt.N);
        }
        // w'Approx = NTT^-1(Â ∘ NTT(z) - NTT(c) ∘ NTT(t1·2^d)); w1' = UseHint(h, w'Approx)
        int[] w = new int[Ntt.N];
        int[] w1 = new int[Ntt.N];
        int w1PolyBytes = MlDsaParameterSet.polyBytes(p.w1Bits);
        byte[] w1Encoded = new byte[p.w1Bytes()];
        for (int i = 0; i < p.k; i++) {
            approximateW(i, z, cHat, w);
            Ntt.inverse(w, 0);
            for (int j = 0; j < Ntt.N; j++) {
                w1[j] = rounding.useHint(h[i * Ntt.N + j], Field.addQIfNegative(w[j]));
            }
            BitPacking.pack(w1, 0, p.w1Bits, w1Encoded, i * w1PolyBytes);
        }
        // c̃' = H(μ ‖ w1Encode(w1'), λ/4); c̃' = c̃, in constant time
        byte[] cTilde = new byte[p.challengeBytes()];
        shake.reset();
        shake.absorb(mu).absorb(w1Encoded).squeeze(cTilde, 0, cTilde.length);
        return ConstantTime.equals(cTilde, 0, signature, 0, cTilde.length);
    }

    /** Row i of Â ∘ ẑ - ĉ ∘ t̂1 (times R^-1), reduced into (-q, q) for the inverse transform. */
    private void approximateW(int i, int[] zHat, int[] cHat, int[] out) {
        Ntt.rowTimesVector(aHat, i, params.l, zHat, out, 0);
        int t1Off = i * Ntt.N;
        for (int j = 0; j < Ntt.N; j++) {
            out[j] = Field.reduce(out[j] - Field.montgomeryReduce((long) cHat[j] * t1Hat[t1Off + j]));
        }
    }

    @Override
    public String toString() {
        return "PreparedMlDsaVerificationKey[" + params + "]";
    }
}
