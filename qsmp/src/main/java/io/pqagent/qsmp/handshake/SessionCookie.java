package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.Sha3;

/**
 * The session cookie {@code sch} both sides compute independently (QSMP-WIRE §3.2, §3.3). Client VK
 * before server VK on both sides (the spec's server-side order is wrong, §10.3).
 */
final class SessionCookie {
    private SessionCookie() {
    }

    /** {@code SHA3-512(cfg48 ‖ kid ‖ VK_client ‖ VK_server)}. */
    static byte[] duplex(byte[] config48, byte[] keyId, byte[] clientVerificationKey, byte[] serverVerificationKey) {
        return Sha3.sha512(config48, keyId, clientVerificationKey, serverVerificationKey);
    }

    /** {@code SHA3-256(cfg48 ‖ kid ‖ VK_server)}. */
    static byte[] simplex(byte[] config48, byte[] keyId, byte[] serverVerificationKey) {
        return Sha3.sha256(config48, keyId, serverVerificationKey);
    }
}
