package io.pqagent.directory.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signed wire form: verified before anything else is trusted, strictly framed. */
class SignedRecordTest {
    private static RecordFixtures fixtures;
    private static SignedRecord signed;

    @BeforeAll
    static void setUp() {
        fixtures = new RecordFixtures();
        signed = fixtures.signActive(fixtures.newKey(), 5, "alice");
    }

    @AfterAll
    static void tearDown() {
        fixtures.close();
    }

    private static DirectoryError errorOf(byte[] encoded) {
        try {
            SignedRecord.decode(encoded, fixtures.authorityKey());
        } catch (DirectoryException e) {
            return e.error();
        }
        throw new AssertionError("decoded without error");
    }

    private static byte[] frame(byte[] body, byte[] signature) {
        return ByteBuffer.allocate(4 + body.length + signature.length).putShort((short) body.length).put(body)
                .putShort((short) signature.length).put(signature).array();
    }

    private static byte[] signature() {
        byte[] e = signed.encode();
        return Arrays.copyOfRange(e, 4 + signed.body().length, e.length);
    }

    @Test
    void roundTripsAndVerifies() throws DirectoryException {
        byte[] encoded = signed.encode();
        SignedRecord decoded = SignedRecord.decode(encoded, fixtures.authorityKey());
        assertThat(decoded).isEqualTo(signed);
        assertThat(decoded.record()).isEqualTo(signed.record());
        assertThat(decoded.encode()).isEqualTo(encoded);
        assertThat(SignedRecord.parseStored(encoded)).isEqualTo(signed);
    }

    @Test
    void refusesEveryTruncation() {
        byte[] encoded = signed.encode();
        for (int n = 0; n < encoded.length; n++) {
            assertThat(errorOf(Arrays.copyOf(encoded, n))).as("prefix of %d bytes", n)
                    .isEqualTo(DirectoryError.MALFORMED_RECORD);
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] encoded = signed.encode();
        assertThat(errorOf(Arrays.copyOf(encoded, encoded.length + 1))).isEqualTo(DirectoryError.MALFORMED_RECORD);
        assertThatThrownBy(() -> SignedRecord.parseStored(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("after the signature");
    }

    @Test
    void refusesOversizedBlocksBeforeReadingThem() {
        byte[] bodyTooLong = ByteBuffer.allocate(2).putShort((short) (RecordCodec.MAX_BODY + 1)).array();
        assertThat(errorOf(bodyTooLong)).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
        byte[] sigTooLong = ByteBuffer.allocate(4 + signed.body().length).putShort((short) signed.body().length)
                .put(signed.body()).putShort((short) (SignedRecord.MAX_SIGNATURE + 1)).array();
        assertThat(errorOf(sigTooLong)).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
        assertThat(errorOf(new byte[SignedRecord.MAX_ENCODED + 1])).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
    }

    @Test
    void refusesEmptyBlocks() {
        assertThat(errorOf(frame(new byte[0], signature()))).isEqualTo(DirectoryError.MALFORMED_RECORD);
        assertThat(errorOf(frame(signed.body(), new byte[0]))).isEqualTo(DirectoryError.MALFORMED_RECORD);
    }

    @Test
    void refusesAnyFlippedBitAsBadSignature() {
        byte[] encoded = signed.encode();
        int bodyEnd = 2 + signed.body().length;
        // one bit in the body (a field an attacker would change), one in the signature, one in the key bytes
        for (int pos : new int[] {2 + 93, 2 + 20, bodyEnd + 2 + 10, bodyEnd - 1}) {
            byte[] bad = encoded.clone();
            bad[pos] ^= 0x01;
            assertThat(errorOf(bad)).as("bit flipped at %d", pos).isEqualTo(DirectoryError.BAD_SIGNATURE);
        }
    }

    @Test
    void refusesRecordOfAnotherAuthority() throws DirectoryException {
        try (RecordFixtures other = new RecordFixtures()) {
            SignedRecord foreign = other.sign(signed.record());
            assertThatThrownBy(() -> SignedRecord.decode(foreign.encode(), fixtures.authorityKey()))
                    .isInstanceOf(DirectoryException.class)
                    .satisfies(e -> assertThat(((DirectoryException) e).error()).isEqualTo(DirectoryError.BAD_SIGNATURE))
                    .hasMessageContaining(fixtures.authorityKey().fingerprintHex());
            assertThat(SignedRecord.decode(foreign.encode(), other.authorityKey()).record()).isEqualTo(signed.record());
        }
    }

    @Test
    void refusesAuthoritySignatureWithoutTheRecordContext() {
        // an authority signature over the bare body (as another protocol might sign) never makes a record
        byte[] bare = frame(signed.body(), fixtures.signRaw(signed.body()));
        assertThat(errorOf(bare)).isEqualTo(DirectoryError.BAD_SIGNATURE);
        byte[] withContext = frame(signed.body(), fixtures.signRaw(SignedRecord.signedBytes(signed.body())));
        assertThatCode(() -> SignedRecord.decode(withContext, fixtures.authorityKey())).doesNotThrowAnyException();
    }

    @Test
    void unknownConfigurationIsWrongConfigurationOnceSigned() {
        BodyBuilder b = new BodyBuilder(signed.record());
        b.config = BodyBuilder.configField("dilithium-s9_kyber-s9_sha3_rcs");
        byte[] body = b.build();
        // signed by the real authority, so only the configuration check can refuse it
        byte[] encoded = frame(body, fixtures.signRaw(SignedRecord.signedBytes(body)));
        assertThat(errorOf(encoded)).isEqualTo(DirectoryError.WRONG_CONFIGURATION);
    }
}
