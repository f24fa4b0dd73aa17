package io.pqagent.keystore;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * How the file key of a sealed file is obtained, with the 16 header bytes that go with it
 * (identity file format, docs/directory.md "Identity files"). Both kinds also use the header's salt.
 */
sealed interface KdfSpec {
    int PARAMS_SIZE = 16;

    /** The header's KDF id. */
    int id();

    /** The 16 parameter bytes of the header. */
    byte[] params();

    /** KDF id 1: Argon2id v1.3 over the passphrase; params = memory KiB u32 | iterations u32 | lanes u32 | 0 u32. */
    record Argon2(Argon2Cost cost) implements KdfSpec {
        static final int ID = 1;

        @Override
        public int id() {
            return ID;
        }

        @Override
        public byte[] params() {
            return java.nio.ByteBuffer.allocate(PARAMS_SIZE)
                    .putInt(cost.memoryKiB()).putInt(cost.iterations()).putInt(cost.parallelism()).putInt(0)
                    .array();
        }
    }

    /** KDF id 2: a 32-byte key file; params = its 16-byte id, so that a wrong key file is named as such. */
    record KeyFile(byte[] keyFileId) implements KdfSpec {
        static final int ID = 2;

        public KeyFile {
            if (keyFileId.length != PARAMS_SIZE) {
                throw new IllegalArgumentException("a key-file id is " + PARAMS_SIZE + " bytes");
            }
            keyFileId = keyFileId.clone();
        }

        @Override
        public int id() {
            return ID;
        }

        @Override
        public byte[] params() {
            return keyFileId.clone();
        }

        @Override
        public byte[] keyFileId() {
            return keyFileId.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyFile k && Arrays.equals(keyFileId, k.keyFileId);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keyFileId);
        }

        @Override
        public String toString() {
            return "KeyFile[id=" + HexFormat.of().formatHex(keyFileId) + "]";
        }
    }
}
