package io.pqagent.adapters.dnp3.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Crc16DnpTest {

    @Test
    void givesTheCatalogueCheckValueFor123456789() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16Dnp.compute(check, 0, check.length)).isEqualTo(Crc16Dnp.CHECK_VALUE).isEqualTo(0xEA82);
    }

    @Test
    void matchesTheHeaderCrcOfAWidelyPublishedResetLinkStatesFrame() {
        // 05 64 05 C0 01 00 00 04 | E9 21: RESET_LINK_STATES from master 1024 to outstation 1
        byte[] frame = HexFormat.of().parseHex("056405C001000004E921");
        assertThat(Crc16Dnp.compute(frame, 0, 8)).isEqualTo(0x21E9);
        assertThat(Crc16Dnp.matches(frame, 0, 8)).isTrue();
        frame[9] ^= 1;
        assertThat(Crc16Dnp.matches(frame, 0, 8)).isFalse();
    }

    @Test
    void appendWritesTheCrcLowOctetFirst() {
        byte[] data = new byte[] {'1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0};
        Crc16Dnp.append(data, 0, 9);
        assertThat(data[9] & 0xFF).isEqualTo(0x82);
        assertThat(data[10] & 0xFF).isEqualTo(0xEA);
    }

    @Property
    void tableDrivenEqualsBitByBitDefinition(@ForAll byte[] data) {
        assertThat(Crc16Dnp.compute(data, 0, data.length)).isEqualTo(bitwise(data));
    }

    /** The definition: reflected 0x3D65 (0xA6BC) shifted in bit by bit, init 0, inverted at the end. */
    private static int bitwise(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA6BC : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }
}
