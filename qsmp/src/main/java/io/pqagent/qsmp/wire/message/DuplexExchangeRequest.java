package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Duplex step 3, client → server, flag 0x07 (QSMP-WIRE §3.2). The hash covers the ciphertext before
 * the public key (the spec text has them the other way round; the code and vectors win):
 *
 * <pre>
 * | ct_c (CT) | client ephemeral pk_c (PK) | signature (SIG) | h3 = SHA3-512(hdr ‖ ct_c ‖ pk_c) (64) |
 * </pre>
 */
public record DuplexExchangeRequest(byte[] ciphertext, byte[] publicKey, byte[] signedHash) {

    public static int payloadSize(ParameterSet set) {
        return set.kemAlgorithm().ciphertextSize() + set.kemAlgorithm().publicKeySize()
                + set.signatureAlgorithm().signatureSize() + QsmpConstants.DUPLEX_HASH_SIZE;
    }

    public static DuplexExchangeRequest decode(byte[] payload, ParameterSet set) {
        Slices s = new Slices(payload);
        return new DuplexExchangeRequest(s.next(set.kemAlgorithm().ciphertextSize()),
                s.next(set.kemAlgorithm().publicKeySize()),
                s.next(set.signatureAlgorithm().signatureSize() + QsmpConstants.DUPLEX_HASH_SIZE));
    }

    public byte[] encode() {
        return Slices.concat(ciphertext, publicKey, signedHash);
    }
}
