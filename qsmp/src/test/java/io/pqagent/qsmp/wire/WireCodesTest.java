package io.pqagent.qsmp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins every flag and error code to its number on the wire (QSMP-WIRE §9.2, §9.3). */
class WireCodesTest {

    private static final Map<Flag, Integer> FLAGS = new LinkedHashMap<>();
    private static final Map<QsmpError, Integer> ERRORS = new LinkedHashMap<>();

    static {
        FLAGS.put(Flag.NONE, 0x00);
        FLAGS.put(Flag.CONNECT_REQUEST, 0x01);
        FLAGS.put(Flag.CONNECT_RESPONSE, 0x02);
        FLAGS.put(Flag.CONNECTION_TERMINATE, 0x03);
        FLAGS.put(Flag.ENCRYPTED_MESSAGE, 0x04);
        FLAGS.put(Flag.EXSTART_REQUEST, 0x05);
        FLAGS.put(Flag.EXSTART_RESPONSE, 0x06);
        FLAGS.put(Flag.EXCHANGE_REQUEST, 0x07);
        FLAGS.put(Flag.EXCHANGE_RESPONSE, 0x08);
        FLAGS.put(Flag.ESTABLISH_REQUEST, 0x09);
        FLAGS.put(Flag.ESTABLISH_RESPONSE, 0x0A);
        FLAGS.put(Flag.KEEP_ALIVE_REQUEST, 0x0B);
        FLAGS.put(Flag.KEEP_ALIVE_RESPONSE, 0x0C);
        FLAGS.put(Flag.REMOTE_CONNECTED, 0x0D);
        FLAGS.put(Flag.REMOTE_TERMINATED, 0x0E);
        FLAGS.put(Flag.SESSION_ESTABLISHED, 0x0F);
        FLAGS.put(Flag.SESSION_ESTABLISH_VERIFY, 0x10);
        FLAGS.put(Flag.UNRECOGNIZED_PROTOCOL, 0x11);
        FLAGS.put(Flag.ASYMMETRIC_RATCHET_REQUEST, 0x12);
        FLAGS.put(Flag.ASYMMETRIC_RATCHET_RESPONSE, 0x13);
        FLAGS.put(Flag.SYMMETRIC_RATCHET_REQUEST, 0x14);
        FLAGS.put(Flag.TRANSFER_REQUEST, 0x15);
        FLAGS.put(Flag.ERROR_CONDITION, 0xFF);

        ERRORS.put(QsmpError.NONE, 0x00);
        ERRORS.put(QsmpError.ACCEPT_FAIL, 0x01);
        ERRORS.put(QsmpError.AUTHENTICATION_FAILURE, 0x02);
        ERRORS.put(QsmpError.BAD_KEEP_ALIVE, 0x03);
        ERRORS.put(QsmpError.CHANNEL_DOWN, 0x04);
        ERRORS.put(QsmpError.CONNECTION_FAILURE, 0x05);
        ERRORS.put(QsmpError.MESSAGE_TIME_INVALID, 0x06); // also the reference's connect_failure
        ERRORS.put(QsmpError.DECAPSULATION_FAILURE, 0x07);
        ERRORS.put(QsmpError.DECRYPTION_FAILURE, 0x08);
        ERRORS.put(QsmpError.ESTABLISH_FAILURE, 0x09);
        ERRORS.put(QsmpError.EXCHANGE_FAILURE, 0x0A);
        ERRORS.put(QsmpError.HASH_INVALID, 0x0B);
        ERRORS.put(QsmpError.HOSTS_EXCEEDED, 0x0C);
        ERRORS.put(QsmpError.INVALID_INPUT, 0x0D);
        ERRORS.put(QsmpError.INVALID_REQUEST, 0x0E);
        ERRORS.put(QsmpError.KEEPALIVE_EXPIRED, 0x0F);
        ERRORS.put(QsmpError.KEEPALIVE_TIMEOUT, 0x10);
        ERRORS.put(QsmpError.KEY_EXPIRED, 0x11);
        ERRORS.put(QsmpError.KEY_UNRECOGNIZED, 0x12);
        ERRORS.put(QsmpError.KEYCHAIN_FAIL, 0x13);
        ERRORS.put(QsmpError.LISTENER_FAIL, 0x14);
        ERRORS.put(QsmpError.MEMORY_ALLOCATION, 0x15);
        ERRORS.put(QsmpError.PACKET_EXPIRED, 0x16);
        ERRORS.put(QsmpError.PACKET_UNSEQUENCED, 0x17);
        ERRORS.put(QsmpError.RANDOM_FAILURE, 0x18);
        ERRORS.put(QsmpError.RECEIVE_FAILURE, 0x19);
        ERRORS.put(QsmpError.TRANSMIT_FAILURE, 0x1A);
        ERRORS.put(QsmpError.UNKNOWN_PROTOCOL, 0x1B);
        ERRORS.put(QsmpError.VERIFY_FAILURE, 0x1C);
    }

    @Test
    void everyFlagHasItsWireValue() {
        assertThat(FLAGS.keySet()).containsExactlyInAnyOrder(Flag.values());
        FLAGS.forEach((flag, code) -> {
            assertThat(flag.code()).as(flag.name()).isEqualTo(code);
            assertThat(flag.wireByte()).as(flag.name()).isEqualTo((byte) (int) code);
            assertThat(Flag.fromCode(code)).as(flag.name()).contains(flag);
        });
    }

    @Test
    void everyErrorHasItsWireValue() {
        assertThat(ERRORS.keySet()).containsExactlyInAnyOrder(QsmpError.values());
        ERRORS.forEach((error, code) -> {
            assertThat(error.code()).as(error.name()).isEqualTo(code);
            assertThat(error.wireByte()).as(error.name()).isEqualTo((byte) (int) code);
            assertThat(QsmpError.fromCode(code)).as(error.name()).contains(error);
        });
    }

    @Test
    void flagCodesAreUnique() {
        assertThat(Arrays.stream(Flag.values()).map(Flag::code)).doesNotHaveDuplicates();
    }

    /** The reference gives 0x06 two names; here it must be a single value (no second enum member). */
    @Test
    void errorCodesAreUnique() {
        assertThat(Arrays.stream(QsmpError.values()).map(QsmpError::code)).doesNotHaveDuplicates();
    }

    @Test
    void codesOutsideTheTablesAreUnknown() {
        for (int b = 0; b < 256; b++) {
            int code = b;
            assertThat(Flag.fromCode(b).isPresent()).as("flag 0x%02X", b).isEqualTo(FLAGS.containsValue(code));
            assertThat(QsmpError.fromCode(b).isPresent()).as("error 0x%02X", b).isEqualTo(ERRORS.containsValue(code));
        }
    }

    @Test
    void errorTextNamesTheCode() {
        assertThat(QsmpError.AUTHENTICATION_FAILURE.protocolName()).isEqualTo("authentication_failure");
        assertThat(QsmpError.RECEIVE_FAILURE.toString()).startsWith("receive_failure (0x19)");
        assertThat(new QsmpException(QsmpError.PACKET_UNSEQUENCED, "seq 9, expected 5").getMessage())
                .isEqualTo("packet_unsequenced (0x17): seq 9, expected 5");
    }
}
