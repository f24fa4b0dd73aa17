package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 16-byte key identity of a long-term key (QSMP-WIRE §8.1), shown as 32 lower-case hex digits
 * ("Host ID" in a {@code .qpkey}). Compared by content; the bytes are copied in and out.
 */
public record KeyId(byte[] bytes) {
    public static final int SIZE = QsmpConstants.KEYID_SIZE;
    private static final HexFormat HEX = HexFormat.of();

    public KeyId {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a key id is " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** The 16 bytes at {@code offset} of {@code buf}. */
    public static KeyId copyOf(byte[] buf, int offset) {
        return new KeyId(Arrays.copyOfRange(buf, offset, offset + SIZE));
    }

    /** 16 bytes from {@code entropy}: what the reference's sample apps draw before the signature keygen. */
    public static KeyId random(EntropySource entropy) {
        return new KeyId(entropy.nextBytes(SIZE));
    }

    /**
     * Parses 32 hex digits, either case.
     *
     * @throws IllegalArgumentException naming the length or the first character that is not a hex digit
     */
    public static KeyId fromHex(String hex) {
        if (hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a key id is " + 2 * SIZE + " hex digits, got " + hex.length()
                    + " characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("key id character " + (i + 1) + " is not a hex digit: '"
                        + Printable.of(hex.substring(i, i + 1)) + "'");
            }
        }
        return new KeyId(HEX.parseHex(hex));
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId k && ConstantTime.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
