package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.Shake;

/**
 * μ = H(tr ‖ M', 64) with M' = 0 ‖ |ctx| ‖ ctx ‖ M for pure ML-DSA (FIPS 204 Algorithms 2 and 3,
 * and the μ of Algorithms 7 and 8). QSMP signs with an empty context, so M' = 0x00 ‖ 0x00 ‖ M.
 */
final class MessageRepresentative {
    static final int BYTES = MlDsaParameterSet.TR_BYTES;
    private static final byte[] PURE_EMPTY_CONTEXT = {0, 0};

    private MessageRepresentative() {
    }

    static byte[] mu(byte[] tr, byte[] message) {
        byte[] mu = new byte[BYTES];
        Shake.shake256().absorb(tr).absorb(PURE_EMPTY_CONTEXT).absorb(message).squeeze(mu, 0, BYTES);
        return mu;
    }
}
