package io.pqagent.directory.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, decoding ends in a record or a {@link DirectoryException}, never another exception. */
class RecordDecodingProperties {
    private static final RecordFixtures FIXTURES = new RecordFixtures();
    private static final SignedRecord SIGNED = FIXTURES.signActive(FIXTURES.newKey(), 3, "bob");

    @Property(tries = 1000)
    void bodiesFailOnlyWithDirectoryErrors(@ForAll @Size(max = 2000) byte[] noise) {
        for (byte[] input : List.of(noise, corrupt(SIGNED.body(), noise))) {
            try {
                assertThat(RecordCodec.decode(input)).isNotNull();
            } catch (DirectoryException expected) {
                assertThat(expected.error()).isIn(DirectoryError.MALFORMED_RECORD, DirectoryError.FIELD_TOO_LARGE,
                        DirectoryError.WRONG_CONFIGURATION);
            }
        }
    }

    @Property(tries = 300)
    void signedRecordsFailOnlyWithDirectoryErrors(@ForAll @Size(max = 200) byte[] noise) {
        for (byte[] input : List.of(noise, corrupt(SIGNED.encode(), noise))) {
            try {
                SignedRecord.parseStored(input);
            } catch (DirectoryException expected) {
                assertThat(expected.error()).isIn(DirectoryError.MALFORMED_RECORD, DirectoryError.FIELD_TOO_LARGE,
                        DirectoryError.WRONG_CONFIGURATION);
            }
            try {
                SignedRecord.decode(input, FIXTURES.authorityKey());
            } catch (DirectoryException expected) {
                assertThat(expected.error()).isIn(DirectoryError.MALFORMED_RECORD, DirectoryError.FIELD_TOO_LARGE,
                        DirectoryError.WRONG_CONFIGURATION, DirectoryError.BAD_SIGNATURE);
            }
        }
    }

    /** A valid encoding with a few bytes flipped at positions the noise picks, so decoding gets deep. */
    private static byte[] corrupt(byte[] valid, byte[] noise) {
        byte[] out = valid.clone();
        for (int i = 0; i + 1 < noise.length && i < 8; i += 2) {
            int pos = ((noise[i] & 0xff) * 131 + (noise[i + 1] & 0xff)) % out.length;
            out[pos] ^= (byte) (noise[i] | 1);
        }
        if (noise.length % 3 == 1) {
            out = Arrays.copyOf(out, out.length - (noise.length % out.length));
        }
        return out;
    }
}
