package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Duplex step 2, server → client, flag 0x02 (QSMP-WIRE §3.2):
 *
 * <pre>
 * | signature (SIG) | h2 = SHA3-512(hdr ‖ pk) (64) | ephemeral KEM public key pk (PK) |
 * </pre>
 */
public record DuplexConnectResponse(byte[] signedHash, byte[] publicKey) {

    public static int payloadSize(ParameterSet set) {
        return set.signatureAlgorithm().signatureSize() + QsmpConstants.DUPLEX_HASH_SIZE
                + set.kemAlgorithm().publicKeySize();
    }

    public static DuplexConnectResponse decode(byte[] payload, ParameterSet set) {
        Slices s = new Slices(payload);
        return new DuplexConnectResponse(
                s.next(set.signatureAlgorithm().signatureSize() + QsmpConstants.DUPLEX_HASH_SIZE),
                s.next(set.kemAlgorithm().publicKeySize()));
    }

    public byte[] encode() {
        return Slices.concat(signedHash, publicKey);
    }
}
