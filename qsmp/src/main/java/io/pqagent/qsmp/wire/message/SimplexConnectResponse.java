package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Simplex step 2, server → client, flag 0x02 (QSMP-WIRE §3.3):
 *
 * <pre>
 * | signature (SIG) | h = SHA3-256(hdr ‖ pk) (32) | ephemeral KEM public key pk (PK) |
 * </pre>
 */
public record SimplexConnectResponse(byte[] signedHash, byte[] publicKey) {

    public static int payloadSize(ParameterSet set) {
        return set.signatureAlgorithm().signatureSize() + QsmpConstants.SIMPLEX_HASH_SIZE
                + set.kemAlgorithm().publicKeySize();
    }

    public static SimplexConnectResponse decode(byte[] payload, ParameterSet set) {
        Slices s = new Slices(payload);
        return new SimplexConnectResponse(
                s.next(set.signatureAlgorithm().signatureSize() + QsmpConstants.SIMPLEX_HASH_SIZE),
                s.next(set.kemAlgorithm().publicKeySize()));
    }

    public byte[] encode() {
        return Slices.concat(signedHash, publicKey);
    }
}
