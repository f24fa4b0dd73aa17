package io.pqagent.qsmp.conformance;

/**
 * One side's long-term signature key as the reference generated and stored it ({@code keys.client} or
 * {@code keys.server}). Arrays are the transcript's own; treat them as read-only.
 *
 * @param keyId           the 16-byte key identity
 * @param expiration      the key's expiration, seconds since the epoch
 * @param config          the 48-byte configuration field stored in the key
 * @param signingKey      the signature scheme's private key as the reference encodes it
 * @param verificationKey the signature scheme's public key
 * @param qskeyFile       the exact bytes of the private key file ({@code .qskey})
 * @param qpkeyText       the text of the public key file, ending with its final line feed
 * @param qpkeyFile       the exact bytes of the public key file as written: the text plus trailing NULs
 */
public record LongTermKeys(byte[] keyId, long expiration, byte[] config, byte[] signingKey,
        byte[] verificationKey, byte[] qskeyFile, String qpkeyText, byte[] qpkeyFile) {
}
