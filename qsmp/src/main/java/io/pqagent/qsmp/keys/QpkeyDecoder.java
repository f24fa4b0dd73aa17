package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ParameterSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Parses a {@code .qpkey} in the reference decoder's order (QSMP-WIRE §8.3): header, version,
 * configuration, host id, expiration, base64 key, footer. Stricter than the C reader, which skips fixed
 * lengths without looking: every line is checked, and the first problem is reported by line and field.
 */
final class QpkeyDecoder {
    private final String[] lines;

    private QpkeyDecoder(String[] lines) {
        this.lines = lines;
    }

    static PublicKeyRecord decode(byte[] file) throws KeyFileException {
        String text = asciiText(file);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) { // CRLF files, e.g. after a trip through a Windows editor
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        return new QpkeyDecoder(lines).parse();
    }

    /** The text before the trailing NULs, which must be printable ASCII and line ends only. */
    private static String asciiText(byte[] file) throws KeyFileException {
        int end = file.length;
        while (end > 0 && file[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            throw new KeyFileException(file.length == 0 ? "file is empty" : "file holds only NUL bytes");
        }
        for (int i = 0; i < end; i++) {
            int b = file[i] & 0xFF;
            if (b == 0) {
                throw new KeyFileException("NUL byte at offset " + i + " inside the text (NULs may only trail it)");
            }
            if ((b < 0x20 || b > 0x7E) && b != '\n' && b != '\r') {
                throw new KeyFileException(String.format("byte 0x%02X at offset %d is not printable ASCII", b, i));
            }
        }
        return new String(file, 0, end, StandardCharsets.US_ASCII);
    }

    private PublicKeyRecord parse() throws KeyFileException {
        expectLine(1, Qpkey.HEADER);
        field(2, Qpkey.VERSION_PREFIX, "Version");
        ParameterSet set = KeyConfig.resolve(field(3, Qpkey.CONFIGURATION, "Configuration"),
                "line 3 (Configuration)");
        KeyId keyId;
        try {
            keyId = KeyId.fromHex(field(4, Qpkey.HOST_ID, "Host ID"));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("line 4 (Host ID): " + e.getMessage(), e);
        }
        long expiration;
        try {
            expiration = ExpirationText.parse(field(5, Qpkey.EXPIRATION, "Expiration"));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("line 5 (Expiration): " + e.getMessage(), e);
        }
        byte[] vk = verificationKey(set);
        return new PublicKeyRecord(expiration, set.config(), keyId, vk);
    }

    private String line(int number, String what) throws KeyFileException {
        if (number > lines.length) {
            throw new KeyFileException("file ends after line " + lines.length + ", expected " + what
                    + " on line " + number);
        }
        return lines[number - 1];
    }

    private void expectLine(int number, String expected) throws KeyFileException {
        String l = line(number, "'" + expected + "'");
        if (!l.equals(expected)) {
            throw new KeyFileException("line " + number + ": expected '" + expected + "', found '"
                    + Printable.of(l) + "'");
        }
    }

    /** The value after {@code prefix} on line {@code number}. */
    private String field(int number, String prefix, String name) throws KeyFileException {
        String l = line(number, "the " + name + " line");
        if (!l.startsWith(prefix)) {
            throw new KeyFileException("line " + number + " (" + name + "): expected it to start with '" + prefix
                    + "', found '" + Printable.of(l) + "'");
        }
        return l.substring(prefix.length());
    }

    /** Lines 6.. up to the footer, which may follow the last base64 character on the same line. */
    private byte[] verificationKey(ParameterSet set) throws KeyFileException {
        int vkSize = set.signatureAlgorithm().verificationKeySize();
        int expectedChars = Qpkey.base64Length(vkSize);
        StringBuilder b64 = new StringBuilder(expectedChars);
        int number = 6;
        boolean footer = false;
        for (; number <= lines.length && !footer; number++) {
            String l = lines[number - 1];
            int f = l.indexOf(Qpkey.FOOTER);
            if (f >= 0) {
                if (f + Qpkey.FOOTER.length() != l.length()) {
                    throw new KeyFileException("line " + number + ": unexpected text after the footer: '"
                            + Printable.of(l.substring(f + Qpkey.FOOTER.length())) + "'");
                }
                l = l.substring(0, f);
                footer = true;
            }
            checkBase64(l, number);
            if (b64.length() + l.length() > expectedChars) {
                throw new KeyFileException("line " + number + ": the verification key runs past the "
                        + expectedChars + " base64 characters of a " + set.config().text() + " key");
            }
            b64.append(l);
        }
        if (!footer) {
            throw new KeyFileException("no footer '" + Qpkey.FOOTER + "' after the verification key");
        }
        for (; number <= lines.length; number++) {
            if (!lines[number - 1].isEmpty()) {
                throw new KeyFileException("line " + number + ": unexpected text after the footer: '"
                        + Printable.of(lines[number - 1]) + "'");
            }
        }
        if (b64.length() != expectedChars) {
            throw new KeyFileException("verification key is " + b64.length() + " base64 characters, a "
                    + set.config().text() + " key (" + vkSize + " bytes) is " + expectedChars);
        }
        byte[] vk;
        try {
            vk = Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("verification key base64 is malformed: " + e.getMessage(), e);
        }
        if (vk.length != vkSize) {
            throw new KeyFileException("verification key decodes to " + vk.length + " bytes, a "
                    + set.config().text() + " key is " + vkSize);
        }
        return vk;
    }

    private static void checkBase64(String l, int number) throws KeyFileException {
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!ok) {
                throw new KeyFileException("line " + number + ", column " + (i + 1) + ": '"
                        + Printable.of(String.valueOf(c)) + "' is not a base64 character");
            }
        }
    }
}
