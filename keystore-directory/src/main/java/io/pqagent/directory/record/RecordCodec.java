package io.pqagent.directory.record;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyId;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical byte form of a {@link DirectoryRecord}, the exact bytes the authority signs (big-endian;
 * see docs/directory.md):
 *
 * <pre>
 * "QDR" 0x01 | serial u64 | issuedAt u64 | keyId 16 | config 48 (NUL-padded) | expiration u64 | status u8
 * | owner u8-len UTF-8 | site u8-len UTF-8 | roles: u8 count, each u8-len UTF-8 | vk u16-len bytes
 * </pre>
 *
 * Decoding is strict: one encoding per record, so two different byte strings never carry the same record.
 */
public final class RecordCodec {
    private static final byte[] MAGIC = {'Q', 'D', 'R', 1};
    /** Larger than any record we can encode (biggest verification key 2,592 bytes plus labels). */
    public static final int MAX_BODY = 4096;

    private RecordCodec() {
    }

    public static byte[] encode(DirectoryRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + r.verificationKey().length);
        out.writeBytes(MAGIC);
        writeLong(out, r.serial());
        writeLong(out, r.issuedAt());
        out.writeBytes(r.keyId().bytes());
        out.writeBytes(r.config().field());
        writeLong(out, r.expiration());
        out.write(r.status().code());
        writeLabel(out, r.owner());
        writeLabel(out, r.site());
        out.write(r.roles().size());
        for (String role : r.roles()) {
            writeLabel(out, role);
        }
        byte[] vk = r.verificationKey();
        out.write(vk.length >>> 8);
        out.write(vk.length);
        out.writeBytes(vk);
        return out.toByteArray();
    }

    public static DirectoryRecord decode(byte[] body) throws DirectoryException {
        if (body.length > MAX_BODY) {
            throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE,
                    "record body of " + body.length + " bytes exceeds " + MAX_BODY);
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            for (byte m : MAGIC) {
                if (in.get() != m) {
                    throw malformed("not a version-1 directory record");
                }
            }
            long serial = in.getLong();
            long issuedAt = in.getLong();
            byte[] kid = new byte[KeyId.SIZE];
            in.get(kid);
            byte[] configField = new byte[ConfigString.FIELD_SIZE];
            in.get(configField);
            ConfigString config = readConfig(configField);
            long expiration = in.getLong();
            RecordStatus status = RecordStatus.ofCode(in.get() & 0xff);
            String owner = readLabel(in, "owner", DirectoryRecord.MAX_OWNER_BYTES);
            String site = readLabel(in, "site", DirectoryRecord.MAX_SITE_BYTES);
            int roleCount = in.get() & 0xff;
            if (roleCount > DirectoryRecord.MAX_ROLES) {
                throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE,
                        roleCount + " roles, at most " + DirectoryRecord.MAX_ROLES);
            }
            List<String> roles = new ArrayList<>(roleCount);
            for (int i = 0; i < roleCount; i++) {
                roles.add(readLabel(in, "role", DirectoryRecord.MAX_ROLE_BYTES));
            }
            int vkLength = in.getShort() & 0xffff;
            int expected = ParameterSet.byText(config.text()).orElseThrow().signatureAlgorithm()
                    .verificationKeySize();
            if (vkLength != expected) {
                throw malformed(config.text() + " verification keys are " + expected + " bytes, record says "
                        + vkLength);
            }
            byte[] vk = new byte[vkLength];
            in.get(vk);
            if (in.hasRemaining()) {
                throw malformed(in.remaining() + " bytes after the verification key");
            }
            try {
                return new DirectoryRecord(serial, issuedAt, new KeyId(kid), config, vk, expiration, status, owner,
                        site, roles);
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        } catch (BufferUnderflowException e) {
            throw malformed("truncated after " + in.position() + " of " + body.length + " bytes");
        }
    }

    private static ConfigString readConfig(byte[] field) throws DirectoryException {
        int end = 0;
        while (end < field.length && field[end] != 0) {
            end++;
        }
        for (int i = end; i < field.length; i++) {
            if (field[i] != 0) {
                throw malformed("configuration field has bytes after its NUL padding");
            }
        }
        String text = new String(field, 0, end, StandardCharsets.US_ASCII);
        if (end == 0 || ParameterSet.byText(text).isEmpty()) {
            throw new DirectoryException(DirectoryError.WRONG_CONFIGURATION,
                    "'" + text.replaceAll("[^\\x20-\\x7e]", "?") + "' is not a parameter set we implement");
        }
        return ConfigString.of(text);
    }

    private static String readLabel(ByteBuffer in, String what, int max) throws DirectoryException {
        int n = in.get() & 0xff;
        if (n > max) {
            throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE, what + " of " + n + " bytes, at most " + max);
        }
        byte[] b = new byte[n];
        in.get(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(what + " is not valid UTF-8");
        }
    }

    private static void writeLabel(ByteArrayOutputStream out, String label) {
        byte[] b = label.getBytes(StandardCharsets.UTF_8);
        out.write(b.length);
        out.writeBytes(b);
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    private static DirectoryException malformed(String detail) {
        return new DirectoryException(DirectoryError.MALFORMED_RECORD, detail);
    }
}
