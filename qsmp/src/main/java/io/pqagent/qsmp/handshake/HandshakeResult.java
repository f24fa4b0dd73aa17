package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.SigningKeyRecord;

/**
 * Everything an established session starts from. {@code localKey} and {@code peerVerificationKey} are
 * the long-term keys the Duplex asymmetric ratchet signs and verifies with ({@code null} in Simplex
 * where a side has none). Sequence numbers are where the handshake left them (QSMP-WIRE §2.3).
 */
public record HandshakeResult(
        Mode mode,
        Role role,
        ParameterSet parameterSet,
        MacMode macMode,
        CipherPair ciphers,
        long txSequence,
        long rxSequence,
        SigningKeyRecord localKey,
        byte[] peerVerificationKey) implements AutoCloseable {

    @Override
    public void close() {
        ciphers.close();
    }

    @Override
    public String toString() {
        return "HandshakeResult[" + mode + " " + role + " " + parameterSet.config().text() + " " + macMode
                + ", tx=" + txSequence + ", rx=" + rxSequence + "]";
    }
}
