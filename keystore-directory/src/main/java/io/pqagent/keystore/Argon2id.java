package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id v1.3 from Bouncy Castle: passphrase (as UTF-8) and salt to a 32-byte key. The only use of BC here. */
final class Argon2id {
    static final int KEY_SIZE = 32;

    private Argon2id() {
    }

    static SecretBytes derive(char[] passphrase, byte[] salt, Argon2Cost cost) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        byte[] password = utf8(passphrase);
        byte[] key = new byte[KEY_SIZE];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            generator.generateBytes(password, key);
            return SecretBytes.wrap(key);
        } finally {
            Arrays.fill(password, (byte) 0);
            params.clear();
        }
    }

    /** UTF-8 without an intermediate String, so that the only copies are arrays we wipe. */
    private static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] out = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return out;
    }
}
