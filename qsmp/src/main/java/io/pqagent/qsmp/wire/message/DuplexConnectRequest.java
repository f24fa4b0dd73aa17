package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Duplex step 1, client → server, flag 0x01 (QSMP-WIRE §3.2):
 *
 * <pre>
 * | kid (16) | cfg (48) | signature (SIG) | h1 = SHA3-512(hdr ‖ kid ‖ cfg) (64) |
 * </pre>
 *
 * The key id is the listener's own (profile rule 7); the client's is never sent.
 */
public record DuplexConnectRequest(byte[] keyId, byte[] config, byte[] signedHash) {

    public static int payloadSize(ParameterSet set) {
        return QsmpConstants.KEYID_SIZE + QsmpConstants.CONFIG_SIZE + set.signatureAlgorithm().signatureSize()
                + QsmpConstants.DUPLEX_HASH_SIZE;
    }

    public static DuplexConnectRequest decode(byte[] payload, ParameterSet set) {
        Slices s = new Slices(payload);
        return new DuplexConnectRequest(s.next(QsmpConstants.KEYID_SIZE), s.next(QsmpConstants.CONFIG_SIZE),
                s.next(set.signatureAlgorithm().signatureSize() + QsmpConstants.DUPLEX_HASH_SIZE));
    }

    public byte[] encode() {
        return Slices.concat(keyId, config, signedHash);
    }
}
