package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.wire.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The private-key file {@code .qskey} (QSMP-WIRE §8.2), raw binary exactly as the reference writes it:
 *
 * <pre>
 *  0        48             56        72          72+SK
 *  | config | expiration   | key id  | signing   | verification |
 *  | 48 NUL-| u64 LE       | 16      | key (SK)  | key (VK)     |
 *  | padded |              |         |           |              |
 * </pre>
 *
 * Sizes come from the parameter set the config field names, never from the file length.
 */
public final class Qskey {
    public static final int CONFIG_OFFSET = 0;
    public static final int EXPIRATION_OFFSET = 48;
    public static final int KEY_ID_OFFSET = 56;
    public static final int SIGNING_KEY_OFFSET = 72;

    private Qskey() {
    }

    /** The file size for {@code set}: 72 + SK + VK (7560 for ML-DSA-87). */
    public static int size(ParameterSet set) {
        return SIGNING_KEY_OFFSET + set.signatureAlgorithm().signingKeySize()
                + set.signatureAlgorithm().verificationKeySize();
    }

    /** The file bytes. They hold the signing key: the caller wipes them once written. */
    public static byte[] encode(SigningKeyRecord key) {
        byte[] sk = key.signingKey().bytes();
        byte[] vk = key.verificationKey();
        byte[] out = new byte[SIGNING_KEY_OFFSET + sk.length + vk.length];
        System.arraycopy(key.config().field(), 0, out, CONFIG_OFFSET, ConfigString.FIELD_SIZE);
        LittleEndian.putLong(out, EXPIRATION_OFFSET, key.expiration());
        System.arraycopy(key.keyId().bytes(), 0, out, KEY_ID_OFFSET, KeyId.SIZE);
        System.arraycopy(sk, 0, out, SIGNING_KEY_OFFSET, sk.length);
        System.arraycopy(vk, 0, out, SIGNING_KEY_OFFSET + sk.length, vk.length);
        return out;
    }

    /**
     * Reads a {@code .qskey}. The signing key is copied into the record; the caller wipes {@code file}.
     *
     * @throws KeyFileException naming the field that is wrong
     */
    public static SigningKeyRecord decode(byte[] file) throws KeyFileException {
        if (file.length < SIGNING_KEY_OFFSET) {
            throw new KeyFileException("file is " + file.length + " bytes, shorter than the " + SIGNING_KEY_OFFSET
                    + "-byte .qskey header (configuration, expiration, key id)");
        }
        ParameterSet set = KeyConfig.resolve(configText(file), "configuration field");
        int expected = size(set);
        if (file.length != expected) {
            throw new KeyFileException("file is " + file.length + " bytes, a " + set.config().text()
                    + " private key is " + expected);
        }
        long expiration = LittleEndian.getLong(file, EXPIRATION_OFFSET);
        if (expiration < 0 || expiration > PublicKeyRecord.MAX_EXPIRATION) {
            throw new KeyFileException("expiration " + Long.toUnsignedString(expiration)
                    + " is beyond 9999-12-31 23-59-59");
        }
        int skSize = set.signatureAlgorithm().signingKeySize();
        int vkOffset = SIGNING_KEY_OFFSET + skSize;
        PublicKeyRecord pub = new PublicKeyRecord(expiration, set.config(), KeyId.copyOf(file, KEY_ID_OFFSET),
                Arrays.copyOfRange(file, vkOffset, file.length));
        return new SigningKeyRecord(pub, SecretBytes.copyOf(file, SIGNING_KEY_OFFSET, skSize));
    }

    /** The text of the 48-byte field: printable ASCII, then only NULs (the exact field the reference writes). */
    private static String configText(byte[] file) throws KeyFileException {
        int end = CONFIG_OFFSET;
        while (end < CONFIG_OFFSET + ConfigString.FIELD_SIZE && file[end] != 0) {
            end++;
        }
        String text = new String(file, CONFIG_OFFSET, end - CONFIG_OFFSET, StandardCharsets.ISO_8859_1);
        if (end == CONFIG_OFFSET + ConfigString.FIELD_SIZE) {
            throw new KeyFileException("configuration field is not NUL-terminated within "
                    + ConfigString.FIELD_SIZE + " bytes: '" + Printable.of(text) + "'");
        }
        for (int i = end; i < CONFIG_OFFSET + ConfigString.FIELD_SIZE; i++) {
            if (file[i] != 0) {
                throw new KeyFileException("configuration field has a non-NUL byte at offset " + i
                        + " after the text '" + Printable.of(text) + "'");
            }
        }
        return text;
    }
}
