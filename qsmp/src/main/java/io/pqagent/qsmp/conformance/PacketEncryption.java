package io.pqagent.qsmp.conformance;

/**
 * What the sender's cipher did for one RCS-encrypted packet: the payload is ciphertext followed by
 * {@code tag}, with the 21-byte header as associated data. Arrays are the transcript's own.
 *
 * @param plaintext          what was encrypted
 * @param tag                the MAC tag as the sender computed it (on a tampered packet, before tampering)
 * @param senderNonceAfter   the sender's RCS nonce after this packet
 * @param senderCounterAfter the sender's RCS byte counter after this packet
 * @param receiverDecryptOk  whether the receiver's decryption of the packet as sent succeeded
 */
public record PacketEncryption(byte[] plaintext, byte[] tag, byte[] senderNonceAfter, long senderCounterAfter,
        boolean receiverDecryptOk) {
}
