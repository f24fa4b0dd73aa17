package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.Qskey;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The content of a sealed identity file (big-endian), the signing key in the reference's own layout:
 *
 * <pre>
 *  0  4  "QID" 01
 *  4  8  created at (protocol seconds)
 * 12  8  published at (protocol seconds; 0 = not published)
 * 20  4  key length
 * 24     the key as a .qskey (QSMP-WIRE §8.2): config 48 | expiration u64 LE | key id 16 | SK | VK
 * </pre>
 */
final class IdentityCodec {
    private static final byte[] MAGIC = {'Q', 'I', 'D', 1};
    static final int HEADER_SIZE = 24;

    private IdentityCodec() {
    }

    /** The content bytes; they hold the signing key, so the caller wipes them. */
    static byte[] encode(Identity identity) {
        byte[] qskey = Qskey.encode(identity.signingKey());
        try {
            return ByteBuffer.allocate(HEADER_SIZE + qskey.length)
                    .put(MAGIC)
                    .putLong(identity.createdAt())
                    .putLong(identity.publishedAt().orElse(0))
                    .putInt(qskey.length)
                    .put(qskey)
                    .array();
        } finally {
            Arrays.fill(qskey, (byte) 0);
        }
    }

    /**
     * Reads authenticated content. Only a writer holding the key can produce it, so a failure here means a
     * foreign or buggy writer, not an attacker: MALFORMED_CONTENT with the field at fault.
     */
    static Identity decode(SecretBytes content, String name) throws KeystoreException {
        byte[] c = content.bytes();
        if (c.length < HEADER_SIZE || !Arrays.equals(c, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeystoreException(KeystoreError.MALFORMED_CONTENT, name
                    + ": the decrypted content does not start with an identity header");
        }
        ByteBuffer in = ByteBuffer.wrap(c);
        long createdAt = in.getLong(4);
        long publishedAt = in.getLong(12);
        long keyLength = Integer.toUnsignedLong(in.getInt(20));
        if (createdAt < 0 || publishedAt < 0) {
            throw new KeystoreException(KeystoreError.MALFORMED_CONTENT, name + ": a time field is beyond 2^63");
        }
        if (keyLength != c.length - HEADER_SIZE) {
            throw new KeystoreException(KeystoreError.MALFORMED_CONTENT, name + ": key length " + keyLength
                    + " but " + (c.length - HEADER_SIZE) + " bytes follow");
        }
        byte[] qskey = Arrays.copyOfRange(c, HEADER_SIZE, c.length);
        try {
            SigningKeyRecord key = Qskey.decode(qskey);
            return new Identity(key, createdAt, publishedAt);
        } catch (KeyFileException e) {
            throw new KeystoreException(KeystoreError.MALFORMED_CONTENT, name + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(qskey, (byte) 0);
        }
    }
}
