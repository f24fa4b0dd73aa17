package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The public-key file {@code .qpkey} (QSMP-WIRE §8.3), LF line ends:
 *
 * <pre>
 * ------BEGIN QSMP PUBLIC KEY BLOCK------
 * Version: QSMP v1.2
 * Configuration: dilithium-s5_kyber-s5_sha3_rcs
 * Host ID: 32 lower-case hex digits
 * Expiration: YYYY-MM-DD HH-MM-SS          (UTC, profile rule 10)
 * base64 of the verification key, a LF after every 64th character
 * ------END QSMP PUBLIC KEY BLOCK------
 * </pre>
 *
 * No LF follows a final partial base64 line, so the footer then shares the last key line. The C apps
 * write their whole encoding buffer, so a file is this text followed by NULs (profile rule 10);
 * {@link #encodeFile} does the same, {@link #decode} accepts files with or without them.
 */
public final class Qpkey {
    static final String HEADER = "------BEGIN QSMP PUBLIC KEY BLOCK------";
    static final String VERSION = "Version: QSMP v1.2";
    static final String VERSION_PREFIX = "Version: ";
    static final String CONFIGURATION = "Configuration: ";
    static final String HOST_ID = "Host ID: ";
    static final String EXPIRATION = "Expiration: ";
    static final String FOOTER = "------END QSMP PUBLIC KEY BLOCK------";
    static final int LINE_LENGTH = QsmpConstants.PUBKEY_LINE_LENGTH;

    private Qpkey() {
    }

    /** The text, ending with the LF after the footer. */
    public static String encodeText(PublicKeyRecord key) {
        String b64 = Base64.getEncoder().encodeToString(key.verificationKey());
        StringBuilder s = new StringBuilder(HEADER.length() + b64.length() * 2);
        s.append(HEADER).append('\n');
        s.append(VERSION).append('\n');
        s.append(CONFIGURATION).append(key.config().text()).append('\n');
        s.append(HOST_ID).append(key.keyId().hex()).append('\n');
        s.append(EXPIRATION).append(ExpirationText.render(key.expiration())).append('\n');
        for (int i = 0; i < b64.length(); i++) {
            s.append(b64.charAt(i));
            if ((i + 1) % LINE_LENGTH == 0) {
                s.append('\n');
            }
        }
        s.append(FOOTER).append('\n');
        return s.toString();
    }

    /** The file as the C apps write it: the text, then NULs up to {@link #fileSize}. */
    public static byte[] encodeFile(PublicKeyRecord key) {
        byte[] text = encodeText(key).getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(text, fileSize(key.parameterSet()));
    }

    /**
     * The reference's {@code qsmp_public_key_encoding_size()}, which the C apps write whole: fixed room
     * for a 47-character configuration, and one LF per 64 base64 characters plus one more. Files of 3746,
     * 2880 and 2015 bytes for ML-DSA-87, -65 and -44.
     */
    public static int fileSize(ParameterSet set) {
        int b = base64Length(set.signatureAlgorithm().verificationKeySize());
        int header = HEADER.length() + 1;
        int version = VERSION.length() + 1;
        int configuration = CONFIGURATION.length() + 47 + 1;
        int hostId = HOST_ID.length() + 2 * KeyId.SIZE + 1;
        int expiration = EXPIRATION.length() + ExpirationText.LENGTH + 1;
        int key = b + b / LINE_LENGTH + 1;
        int footer = 1 + FOOTER.length() + 1;
        return header + version + configuration + hostId + expiration + key + footer;
    }

    static int base64Length(int bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    /**
     * Reads a {@code .qpkey}, with or without the trailing NULs, LF or CRLF line ends.
     *
     * @throws KeyFileException naming the line and field that is wrong and what was expected
     */
    public static PublicKeyRecord decode(byte[] file) throws KeyFileException {
        return QpkeyDecoder.decode(file);
    }
}
