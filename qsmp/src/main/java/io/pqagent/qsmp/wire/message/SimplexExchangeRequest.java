package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.crypto.ParameterSet;

/**
 * Simplex step 3, client → server, flag 0x07 (QSMP-WIRE §3.3): the bare KEM ciphertext, unsigned.
 * The exchange response (flag 0x08) that follows has no payload at all.
 *
 * <pre>
 * | ct (CT) |
 * </pre>
 */
public record SimplexExchangeRequest(byte[] ciphertext) {

    public static int payloadSize(ParameterSet set) {
        return set.kemAlgorithm().ciphertextSize();
    }

    public byte[] encode() {
        return ciphertext.clone();
    }
}
