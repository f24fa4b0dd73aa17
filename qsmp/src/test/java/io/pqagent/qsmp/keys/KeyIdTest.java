package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ShakeEntropy;
import org.junit.jupiter.api.Test;

class KeyIdTest {
    private static final String HEX = "272e2b5cb7149046a6ab71400d3da78b";

    @Test
    void rendersLowerCaseHexAndParsesEitherCase() {
        KeyId id = KeyId.fromHex(HEX.toUpperCase(java.util.Locale.ROOT));
        assertThat(id.hex()).isEqualTo(HEX);
        assertThat(id).hasToString(HEX).isEqualTo(KeyId.fromHex(HEX));
        assertThat(id.hashCode()).isEqualTo(KeyId.fromHex(HEX).hashCode());
    }

    @Test
    void drawsSixteenBytesFromTheStream() {
        // duplex-mlkem512-mldsa44 client: key id = first 16 bytes of its stream
        KeyId id = KeyId.random(new ShakeEntropy("qsmp-kat-client-duplex-mlkem512-mldsa44"));
        assertThat(id.hex()).isEqualTo(HEX);
    }

    @Test
    void copiesItsBytesInAndOut() {
        byte[] b = new byte[16];
        KeyId id = new KeyId(b);
        b[0] = 1;
        id.bytes()[1] = 1;
        assertThat(id.bytes()).containsOnly(0);
    }

    @Test
    void rejectsWrongLengthsAndNonHex() {
        assertThatThrownBy(() -> new KeyId(new byte[15])).hasMessage("a key id is 16 bytes, got 15");
        assertThatThrownBy(() -> KeyId.fromHex(HEX + "0")).hasMessage("a key id is 32 hex digits, got 33 characters");
        assertThatThrownBy(() -> KeyId.fromHex(HEX.substring(0, 31) + "z"))
                .hasMessage("key id character 32 is not a hex digit: 'z'");
        assertThatThrownBy(() -> KeyId.fromHex("\u0661" + HEX.substring(1)))
                .as("Unicode digits are not hex digits").hasMessageContaining("character 1 is not a hex digit");
    }
}
