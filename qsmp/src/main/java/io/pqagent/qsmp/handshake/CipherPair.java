package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.RcsCipher;
import io.pqagent.qsmp.crypto.SecretBytes;

/** The two directions of a tunnel and the ratchet key {@code rtcs} that one key derivation yields. */
public record CipherPair(RcsCipher tx, RcsCipher rx, SecretBytes rtcs) implements AutoCloseable {

    @Override
    public void close() {
        tx.destroy();
        rx.destroy();
        rtcs.close();
    }

    @Override
    public String toString() {
        return "CipherPair[" + tx.variant() + ", <secret>]";
    }
}
