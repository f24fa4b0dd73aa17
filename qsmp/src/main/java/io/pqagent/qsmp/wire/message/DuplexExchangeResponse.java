package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Duplex step 4, server → client, flag 0x08 (QSMP-WIRE §3.2):
 *
 * <pre>
 * | ct_s (CT) | signature (SIG) | h4 = SHA3-512(hdr ‖ ct_s) (64) |
 * </pre>
 */
public record DuplexExchangeResponse(byte[] ciphertext, byte[] signedHash) {

    public static int payloadSize(ParameterSet set) {
        return set.kemAlgorithm().ciphertextSize() + set.signatureAlgorithm().signatureSize()
                + QsmpConstants.DUPLEX_HASH_SIZE;
    }

    public static DuplexExchangeResponse decode(byte[] payload, ParameterSet set) {
        Slices s = new Slices(payload);
        return new DuplexExchangeResponse(s.next(set.kemAlgorithm().ciphertextSize()),
                s.next(set.signatureAlgorithm().signatureSize() + QsmpConstants.DUPLEX_HASH_SIZE));
    }

    public byte[] encode() {
        return Slices.concat(ciphertext, signedHash);
    }
}
