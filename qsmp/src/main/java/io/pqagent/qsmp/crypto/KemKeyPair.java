package io.pqagent.qsmp.crypto;

/** An ephemeral KEM key pair; the private half is wiped when the handshake step that used it ends. */
public record KemKeyPair(byte[] publicKey, SecretBytes privateKey) {
    @Override
    public String toString() {
        return "KemKeyPair[publicKey=" + publicKey.length + " bytes, privateKey=<secret>]";
    }
}
