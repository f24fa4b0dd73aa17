package io.pqagent.qsmp.crypto;

/** The result of encapsulating to a public key: the ciphertext to send and the shared secret. */
public record Encapsulation(byte[] ciphertext, SecretBytes sharedSecret) {
    @Override
    public String toString() {
        return "Encapsulation[ciphertext=" + ciphertext.length + " bytes, sharedSecret=<secret>]";
    }
}
