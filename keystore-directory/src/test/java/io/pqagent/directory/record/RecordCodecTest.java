package io.pqagent.directory.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The canonical body: round trip, and every defect refused with its own error, never a stray exception. */
class RecordCodecTest {
    private static RecordFixtures fixtures;
    private static DirectoryRecord record;

    @BeforeAll
    static void setUp() {
        fixtures = new RecordFixtures();
        record = fixtures.active(fixtures.newKey(), 7, "alice");
    }

    @AfterAll
    static void tearDown() {
        fixtures.close();
    }

    private static BodyBuilder builder() {
        return new BodyBuilder(record);
    }

    private static DirectoryError errorOf(byte[] body) {
        try {
            RecordCodec.decode(body);
        } catch (DirectoryException e) {
            return e.error();
        }
        throw new AssertionError("decoded without error");
    }

    @Test
    void roundTripsEveryField() throws DirectoryException {
        DirectoryRecord full = new DirectoryRecord(Long.MAX_VALUE, 0, record.keyId(), record.config(),
                record.verificationKey(), 253_402_300_799L, RecordStatus.REVOKED, "o".repeat(64), "",
                Collections.nCopies(16, "r".repeat(32)));
        for (DirectoryRecord r : List.of(record, full)) {
            byte[] body = RecordCodec.encode(r);
            assertThat(RecordCodec.decode(body)).isEqualTo(r);
            assertThat(RecordCodec.encode(RecordCodec.decode(body))).isEqualTo(body);
        }
    }

    @Test
    void builderWritesTheCodecsLayout() {
        // pins docs/directory.md's layout independently of RecordCodec.encode
        assertThat(builder().build()).isEqualTo(RecordCodec.encode(record));
    }

    @Test
    void refusesEveryTruncation() {
        byte[] body = RecordCodec.encode(record);
        for (int n = 0; n < body.length; n++) {
            assertThat(errorOf(Arrays.copyOf(body, n))).as("prefix of %d bytes", n)
                    .isEqualTo(DirectoryError.MALFORMED_RECORD);
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] body = RecordCodec.encode(record);
        assertThatThrownBy(() -> RecordCodec.decode(Arrays.copyOf(body, body.length + 1)))
                .isInstanceOf(DirectoryException.class)
                .hasMessageContaining("1 bytes after the verification key");
    }

    @Test
    void refusesOversizedFieldsAsFieldTooLarge() {
        BodyBuilder owner = builder();
        owner.owner = BodyBuilder.ascii("o".repeat(65));
        BodyBuilder site = builder();
        site.site = BodyBuilder.ascii("s".repeat(65));
        BodyBuilder role = builder();
        role.roles = List.of(BodyBuilder.ascii("r".repeat(33)));
        BodyBuilder roleCount = builder();
        roleCount.roles = Collections.nCopies(17, BodyBuilder.ascii("r"));
        for (BodyBuilder b : List.of(owner, site, role, roleCount)) {
            assertThat(errorOf(b.build())).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
        }
        assertThat(errorOf(new byte[RecordCodec.MAX_BODY + 1])).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
    }

    @Test
    void refusesUnknownConfigurationAsWrongConfiguration() {
        for (String text : List.of("dilithium-s9_kyber-s9_sha3_rcs", "", "DILITHIUM-S1_KYBER-S1_SHA3_RCS")) {
            BodyBuilder b = builder();
            b.config = BodyBuilder.configField(text);
            assertThat(errorOf(b.build())).as(text).isEqualTo(DirectoryError.WRONG_CONFIGURATION);
        }
    }

    @Test
    void refusesMalformedFields() {
        BodyBuilder magic = builder();
        magic.magic = new byte[] {'Q', 'D', 'R', 2};
        BodyBuilder padding = builder();
        padding.config[47] = 'x';
        BodyBuilder status = builder();
        status.status = 3;
        BodyBuilder zeroSerial = builder();
        zeroSerial.serial = 0;
        BodyBuilder negativeSerial = builder();
        negativeSerial.serial = -1; // u64 above 2^63 - 1
        BodyBuilder expiration = builder();
        expiration.expiration = 253_402_300_800L;
        BodyBuilder space = builder();
        space.owner = BodyBuilder.ascii("al ice");
        BodyBuilder emptyOwner = builder();
        emptyOwner.owner = new byte[0];
        BodyBuilder utf8 = builder();
        utf8.site = new byte[] {(byte) 0xc3};
        BodyBuilder vkLength = builder();
        vkLength.vkLength = vkLength.vk.length - 1;
        vkLength.vk = Arrays.copyOf(vkLength.vk, vkLength.vk.length - 1);
        for (BodyBuilder b : List.of(magic, padding, status, zeroSerial, negativeSerial, expiration, space,
                emptyOwner, utf8, vkLength)) {
            assertThat(errorOf(b.build())).isEqualTo(DirectoryError.MALFORMED_RECORD);
        }
    }
}
