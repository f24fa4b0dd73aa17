package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Simplex step 1, client → server, flag 0x01 (QSMP-WIRE §3.3); unsigned (the client has no key):
 *
 * <pre>
 * | kid (16) | cfg (48) |
 * </pre>
 */
public record SimplexConnectRequest(byte[] keyId, byte[] config) {
    public static final int PAYLOAD_SIZE = QsmpConstants.KEYID_SIZE + QsmpConstants.CONFIG_SIZE;

    public static SimplexConnectRequest decode(byte[] payload) {
        Slices s = new Slices(payload);
        return new SimplexConnectRequest(s.next(QsmpConstants.KEYID_SIZE), s.next(QsmpConstants.CONFIG_SIZE));
    }

    public byte[] encode() {
        return Slices.concat(keyId, config);
    }
}
