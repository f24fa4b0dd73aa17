package io.pqagent.keystore;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 60-byte header of a sealed file, all of it authenticated as AES-GCM associated data (big-endian):
 *
 * <pre>
 *  0  8  magic 89 'Q' 'S' 'E' 'A' 'L' 0D 0A
 *  8  1  format version (1)
 *  9  1  content type ({@link SealedContent})
 * 10  1  KDF id (1 Argon2id, 2 key file)
 * 11  1  AEAD id (1 AES-256-GCM)
 * 12 16  salt
 * 28 16  KDF parameters ({@link KdfSpec})
 * 44 12  nonce
 * 56  4  ciphertext length (content + 16-byte tag)
 * 60     ciphertext
 * </pre>
 *
 * {@link #parse} checks every field in file order before anything is derived or allocated, so a
 * truncated, foreign or crafted file fails with the error of its first wrong field.
 */
record SealedHeader(SealedContent content, KdfSpec kdf, byte[] salt, byte[] nonce, int ciphertextLength) {
    static final byte[] MAGIC = {(byte) 0x89, 'Q', 'S', 'E', 'A', 'L', 0x0D, 0x0A};
    static final int VERSION = 1;
    static final int AEAD_AES_256_GCM = 1;
    static final int SALT_SIZE = 16;
    static final int NONCE_SIZE = 12;
    static final int TAG_SIZE = 16;
    static final int SIZE = 60;
    /** 1 MiB of content: an ML-DSA-87 identity is under 8 KiB; the limit only bounds what a file can make us read. */
    static final int MAX_CIPHERTEXT = 1024 * 1024 + TAG_SIZE;

    private static final int VERSION_OFFSET = 8;
    private static final int CONTENT_OFFSET = 9;
    private static final int KDF_OFFSET = 10;
    private static final int AEAD_OFFSET = 11;
    private static final int SALT_OFFSET = 12;
    private static final int PARAMS_OFFSET = 28;
    private static final int NONCE_OFFSET = 44;
    private static final int LENGTH_OFFSET = 56;

    SealedHeader {
        if (salt.length != SALT_SIZE || nonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("salt is " + SALT_SIZE + " bytes and nonce " + NONCE_SIZE);
        }
        if (ciphertextLength < TAG_SIZE || ciphertextLength > MAX_CIPHERTEXT) {
            throw new IllegalArgumentException("ciphertext length " + ciphertextLength + " is outside "
                    + TAG_SIZE + ".." + MAX_CIPHERTEXT);
        }
        salt = salt.clone();
        nonce = nonce.clone();
    }

    byte[] encode() {
        return ByteBuffer.allocate(SIZE)
                .put(MAGIC)
                .put((byte) VERSION)
                .put((byte) content.code())
                .put((byte) kdf.id())
                .put((byte) AEAD_AES_256_GCM)
                .put(salt)
                .put(kdf.params())
                .put(nonce)
                .putInt(ciphertextLength)
                .array();
    }

    /**
     * Reads and checks the header of {@code file}, and that the file is exactly header plus ciphertext.
     *
     * @throws KeystoreException TRUNCATED, NOT_A_KEYSTORE_FILE, UNSUPPORTED_VERSION, WRONG_CONTENT_TYPE,
     *         UNSUPPORTED_ALGORITHM, PARAMETERS_OUT_OF_RANGE or TRAILING_BYTES, naming the field
     */
    static SealedHeader parse(byte[] file, SealedContent expected, String name) throws KeystoreException {
        int magicSeen = Math.min(file.length, MAGIC.length);
        if (!Arrays.equals(file, 0, magicSeen, MAGIC, 0, magicSeen)) {
            throw new KeystoreException(KeystoreError.NOT_A_KEYSTORE_FILE, name + " starts with "
                    + HexFormat.of().formatHex(file, 0, magicSeen));
        }
        need(file, VERSION_OFFSET + 1, "format version", name);
        if (file[VERSION_OFFSET] != VERSION) {
            throw new KeystoreException(KeystoreError.UNSUPPORTED_VERSION, name + " has version "
                    + (file[VERSION_OFFSET] & 0xff) + ", this program reads version " + VERSION);
        }
        need(file, CONTENT_OFFSET + 1, "content type", name);
        SealedContent content = SealedContent.ofCode(file[CONTENT_OFFSET] & 0xff);
        if (content != expected) {
            throw new KeystoreException(KeystoreError.WRONG_CONTENT_TYPE, name + " holds "
                    + (content == null ? "unknown content type " + (file[CONTENT_OFFSET] & 0xff) : content)
                    + ", expected " + expected);
        }
        need(file, KDF_OFFSET + 1, "KDF id", name);
        int kdfId = file[KDF_OFFSET] & 0xff;
        if (kdfId != KdfSpec.Argon2.ID && kdfId != KdfSpec.KeyFile.ID) {
            throw new KeystoreException(KeystoreError.UNSUPPORTED_ALGORITHM, name + " names KDF " + kdfId
                    + " (1 = Argon2id, 2 = key file)");
        }
        need(file, AEAD_OFFSET + 1, "AEAD id", name);
        if ((file[AEAD_OFFSET] & 0xff) != AEAD_AES_256_GCM) {
            throw new KeystoreException(KeystoreError.UNSUPPORTED_ALGORITHM, name + " names AEAD "
                    + (file[AEAD_OFFSET] & 0xff) + " (1 = AES-256-GCM)");
        }
        need(file, SIZE, "header", name);
        ByteBuffer in = ByteBuffer.wrap(file);
        KdfSpec kdf = kdfId == KdfSpec.Argon2.ID
                ? argon2(in, name)
                : new KdfSpec.KeyFile(Arrays.copyOfRange(file, PARAMS_OFFSET, PARAMS_OFFSET + KdfSpec.PARAMS_SIZE));
        long length = Integer.toUnsignedLong(in.getInt(LENGTH_OFFSET));
        if (length < TAG_SIZE || length > MAX_CIPHERTEXT) {
            throw new KeystoreException(KeystoreError.PARAMETERS_OUT_OF_RANGE, name + " declares a ciphertext of "
                    + length + " bytes, outside " + TAG_SIZE + ".." + MAX_CIPHERTEXT);
        }
        long total = SIZE + length;
        if (file.length < total) {
            throw new KeystoreException(KeystoreError.TRUNCATED, name + " is " + file.length
                    + " bytes, its header declares " + total);
        }
        if (file.length > total) {
            throw new KeystoreException(KeystoreError.TRAILING_BYTES, name + " is " + file.length
                    + " bytes, its header declares " + total);
        }
        return new SealedHeader(content, kdf, Arrays.copyOfRange(file, SALT_OFFSET, SALT_OFFSET + SALT_SIZE),
                Arrays.copyOfRange(file, NONCE_OFFSET, NONCE_OFFSET + NONCE_SIZE), (int) length);
    }

    private static KdfSpec argon2(ByteBuffer in, String name) throws KeystoreException {
        long memory = Integer.toUnsignedLong(in.getInt(PARAMS_OFFSET));
        long iterations = Integer.toUnsignedLong(in.getInt(PARAMS_OFFSET + 4));
        long lanes = Integer.toUnsignedLong(in.getInt(PARAMS_OFFSET + 8));
        int reserved = in.getInt(PARAMS_OFFSET + 12);
        String problem = Argon2Cost.problem(memory, iterations, lanes);
        if (problem == null && reserved != 0) {
            problem = "reserved Argon2 parameter field is " + Integer.toUnsignedString(reserved) + ", not 0";
        }
        if (problem != null) {
            throw new KeystoreException(KeystoreError.PARAMETERS_OUT_OF_RANGE, name + ": " + problem);
        }
        return new KdfSpec.Argon2(new Argon2Cost((int) memory, (int) iterations, (int) lanes));
    }

    private static void need(byte[] file, int length, String field, String name) throws KeystoreException {
        if (file.length < length) {
            throw new KeystoreException(KeystoreError.TRUNCATED, name + " is " + file.length
                    + " bytes and ends inside the " + field);
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedHeader h && content == h.content && kdf.equals(h.kdf)
                && Arrays.equals(salt, h.salt) && Arrays.equals(nonce, h.nonce)
                && ciphertextLength == h.ciphertextLength;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "SealedHeader[" + content + ", " + kdf + ", ciphertext " + ciphertextLength + " bytes]";
    }
}
