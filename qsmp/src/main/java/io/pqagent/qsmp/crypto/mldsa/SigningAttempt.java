package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.Shake;
import java.util.Arrays;

/**
 * One signature's scratch and one pass of the rejection loop of FIPS 204 Algorithm 7.
 * Everything here is secret until a pass is accepted; the arithmetic is branch-free and the only branches
 * on secret data are the accept/reject decisions, which FIPS 204 lets leak. Owned by
 * one {@code sign} call, wiped by it.
 */
final class SigningAttempt {
    private final MlDsaParameterSet p;
    final Shake shake = Shake.shake256();
    final byte[] rhoPrimePrime = new byte[64];
    private final byte[] buf;
    private final int[] y;
    private final int[] yHat;
    /** w of this pass, in [0, q). */
    private final int[] w;
    /** w - ⟨⟨cs2⟩⟩, in [0, q). */
    private final int[] r;
    private final int[] z;
    private final int[] h;
    private final int[] cHat = new int[Ntt.N];
    private final int[] product = new int[Ntt.N];
    private final int[] w1 = new int[Ntt.N];
    private final byte[] w1Encoded;
    private final byte[] cTilde;

    SigningAttempt(MlDsaParameterSet p) {
        this.p = p;
        // eight bytes of slack let BitPacking.unpack read y's coefficients as 64-bit words
        this.buf = new byte[Math.max(Shake.RATE_256, MlDsaParameterSet.polyBytes(p.zBits) + Long.BYTES)];
        this.y = new int[p.l * Ntt.N];
        this.yHat = new int[p.l * Ntt.N];
        this.z = new int[p.l * Ntt.N];
        this.w = new int[p.k * Ntt.N];
        this.r = new int[p.k * Ntt.N];
        this.h = new int[p.k * Ntt.N];
        this.w1Encoded = new byte[p.w1Bytes()];
        this.cTilde = new byte[p.challengeBytes()];
    }

    /** σ if the pass with mask nonce κ is accepted, else null. */
    byte[] tryOnce(PreparedMlDsaSigningKey key, byte[] mu, int kappa) {
        Rounding rounding = key.rounding();
        int n = Ntt.N;
        // y = ExpandMask(ρ'', κ)
        MaskExpansion.expandMask(p, rhoPrimePrime, kappa, shake, buf, y);
        // w = NTT^-1(Â ∘ NTT(y))
        System.arraycopy(y, 0, yHat, 0, y.length);
        for (int s = 0; s < p.l; s++) {
            Ntt.forward(yHat, s * n);
        }
        int w1PolyBytes = MlDsaParameterSet.polyBytes(p.w1Bits);
        for (int i = 0; i < p.k; i++) {
            Ntt.rowTimesVector(key.aHat(), i, p.l, yHat, w, i * n);
            Ntt.inverse(w, i * n);
            for (int j = i * n; j < (i + 1) * n; j++) {
                w[j] = Field.addQIfNegative(w[j]);
                w1[j - i * n] = rounding.highBits(w[j]); // w1 = HighBits(w)
            }
            BitPacking.pack(w1, 0, p.w1Bits, w1Encoded, i * w1PolyBytes);
        }
        // c̃ = H(μ ‖ w1Encode(w1), λ/4); c = SampleInBall(c̃), ĉ = NTT(c)
        shake.reset();
        shake.absorb(mu).absorb(w1Encoded).squeeze(cTilde, 0, cTilde.length);
        Challenge.sampleInBall(p, cTilde, 0, shake, buf, cHat);
        Ntt.forward(cHat, 0);

        // r0 = LowBits(w - ⟨⟨cs2⟩⟩), rejected if ||r0||∞ ≥ γ2 - β. Checked before z because it rejects more
        // often (for ML-DSA-87 about 3 attempts in 5, z about 1 in 3); the order of the checks does not change σ.
        int violation = 0;
        int r0Bound = p.gamma2 - p.beta - 1;
        for (int i = 0; i < p.k; i++) {
            Ntt.pointwise(key.s2Hat(), i * n, cHat, 0, product, 0);
            Ntt.inverse(product, 0);
            for (int j = 0; j < n; j++) {
                int rj = Field.freeze(w[i * n + j] - Field.centered(product[j]));
                r[i * n + j] = rj;
                violation |= r0Bound - Field.abs(rounding.lowBits(rj));
            }
        }
        if (violation < 0) {
            return null;
        }
        // z = y + ⟨⟨cs1⟩⟩, rejected if ||z||∞ ≥ γ1 - β
        int zBound = p.gamma1 - p.beta - 1;
        for (int s = 0; s < p.l; s++) {
            Ntt.pointwise(key.s1Hat(), s * n, cHat, 0, product, 0);
            Ntt.inverse(product, 0);
            for (int j = 0; j < n; j++) {
                int zj = y[s * n + j] + Field.centered(product[j]);
                z[s * n + j] = zj;
                violation |= zBound - Field.abs(zj);
            }
        }
        if (violation < 0) {
            return null;
        }
        // ⟨⟨ct0⟩⟩, h = MakeHint(-⟨⟨ct0⟩⟩, w - ⟨⟨cs2⟩⟩ + ⟨⟨ct0⟩⟩); rejected if ||ct0||∞ ≥ γ2 or #h > ω
        int ct0Bound = p.gamma2 - 1;
        int hints = 0;
        for (int i = 0; i < p.k; i++) {
            Ntt.pointwise(key.t0Hat(), i * n, cHat, 0, product, 0);
            Ntt.inverse(product, 0);
            for (int j = 0; j < n; j++) {
                int ct0 = Field.centered(product[j]);
                violation |= ct0Bound - Field.abs(ct0);
                int rj = r[i * n + j];
                int hint = rounding.makeHint(Field.freeze(rj + ct0), rj);
                h[i * n + j] = hint;
                hints += hint;
            }
        }
        if (violation < 0 || hints > p.omega) {
            return null;
        }
        // σ = sigEncode(c̃, z mod± q, h); z is already centered
        return SignatureEncoding.encode(p, cTilde, z, h);
    }

    void wipe() {
        shake.reset();
        Arrays.fill(rhoPrimePrime, (byte) 0);
        Arrays.fill(buf, (byte) 0);
        Arrays.fill(y, 0);
        Arrays.fill(yHat, 0);
        Arrays.fill(w, 0);
        Arrays.fill(r, 0);
        Arrays.fill(z, 0);
        Arrays.fill(h, 0);
        Arrays.fill(cHat, 0);
        Arrays.fill(product, 0);
        Arrays.fill(w1, 0);
        Arrays.fill(w1Encoded, (byte) 0);
        Arrays.fill(cTilde, (byte) 0);
    }
}
