package io.pqagent.directory.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes record bodies field by field with any value, including ones {@link DirectoryRecord} would refuse,
 * so tests can hand the decoder exactly the defect they name.
 */
final class BodyBuilder {
    byte[] magic = {'Q', 'D', 'R', 1};
    long serial = 7;
    long issuedAt = 1_700_000_000L;
    byte[] keyId = new byte[16];
    byte[] config;
    long expiration = RecordFixtures.EXPIRATION;
    int status = 1;
    byte[] owner = ascii("alice");
    byte[] site = ascii("plant-1");
    List<byte[]> roles = List.of(ascii("hmi"));
    int roleCount = -1; // -1: roles.size()
    int vkLength = -1; // -1: vk.length
    byte[] vk;

    BodyBuilder(DirectoryRecord r) {
        serial = r.serial();
        issuedAt = r.issuedAt();
        keyId = r.keyId().bytes();
        config = r.config().field();
        expiration = r.expiration();
        vk = r.verificationKey();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] configField(String text) {
        return Arrays.copyOf(ascii(text), 48);
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(magic);
        writeLong(out, serial);
        writeLong(out, issuedAt);
        out.writeBytes(keyId);
        out.writeBytes(config);
        writeLong(out, expiration);
        out.write(status);
        out.write(owner.length);
        out.writeBytes(owner);
        out.write(site.length);
        out.writeBytes(site);
        out.write(roleCount >= 0 ? roleCount : roles.size());
        for (byte[] role : roles) {
            out.write(role.length);
            out.writeBytes(role);
        }
        int n = vkLength >= 0 ? vkLength : vk.length;
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(vk);
        return out.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }
}
