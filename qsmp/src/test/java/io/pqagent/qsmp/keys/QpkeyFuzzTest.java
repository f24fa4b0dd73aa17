package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Untrusted {@code .qpkey} bytes: only {@link KeyFileException} may come out, and a file we accept reads
 * back identically after we write it. Regression inputs (a reference file, truncated, bad base64, CRLF,
 * NUL-only) live in {@code QpkeyFuzzTestInputs/decodeOnlyFailsWithKeyFileException}.
 */
class QpkeyFuzzTest {

    @FuzzTest
    void decodeOnlyFailsWithKeyFileException(byte[] input) {
        PublicKeyRecord key;
        try {
            key = Qpkey.decode(input);
        } catch (KeyFileException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        try {
            assertThat(Qpkey.decode(Qpkey.encodeFile(key))).isEqualTo(key);
        } catch (KeyFileException e) {
            throw new AssertionError("our own encoding of an accepted key was rejected", e);
        }
    }
}
