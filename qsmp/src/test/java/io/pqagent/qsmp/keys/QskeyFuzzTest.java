package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Untrusted {@code .qskey} bytes: only {@link KeyFileException} may come out, and since the format has
 * exactly one encoding per key, a file we accept re-encodes to the same bytes. Regression inputs live in
 * {@code QskeyFuzzTestInputs/decodeOnlyFailsWithKeyFileException}.
 */
class QskeyFuzzTest {

    @FuzzTest
    void decodeOnlyFailsWithKeyFileException(byte[] input) {
        try (SigningKeyRecord key = Qskey.decode(input)) {
            assertThat(Qskey.encode(key)).isEqualTo(input);
        } catch (KeyFileException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
