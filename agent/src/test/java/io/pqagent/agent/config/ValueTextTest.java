package io.pqagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text forms of host:port, durations and sizes. */
class ValueTextTest {

    @ParameterizedTest
    @CsvSource({"10.0.0.5:502,10.0.0.5,502", "plc-gw.example:31118,plc-gw.example,31118", "[fd00::5]:502,fd00::5,502",
        "localhost:1,localhost,1", "h:65535,h,65535"})
    void parsesHostPort(String text, String host, int port) {
        HostPort hp = HostPort.parse(text);
        assertThat(hp).isEqualTo(new HostPort(host, port));
        assertThat(HostPort.parse(hp.toString())).isEqualTo(hp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", ":80", "host:", "host:0", "host:65536", "host:8o", "fd00::5:502", "[fd00::5]502",
        "[nothex]:1", "a b:80", "host:-1", "-host:80", "host:123456"})
    void refusesBadHostPort(String text) {
        assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "15m,900000", "24h,86400000", "7d,604800000", "0s,0"})
    void parsesDurations(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "15 minutes", "1.5h", "-1s", "h", "10w", ""})
    void refusesBadDurations(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1GiB,1073741824", "512MiB,536870912", "1gib,1073741824", "1GB,1000000000", "1000,1000", "2KiB,2048",
        "1TiB,1099511627776", "7B,7"})
    void parsesSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1GX", "1.5GiB", "-1", "GiB", "", "999999999999TiB"})
    void refusesBadSizes(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void durationFormatReadsBack(@ForAll @LongRange(min = 0, max = 999_999_999L) long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
    }

    @Property
    void sizeFormatReadsBack(@ForAll @LongRange(min = 0, max = 1L << 50) long bytes) {
        assertThat(ByteSize.parse(ByteSize.format(bytes))).isEqualTo(bytes);
    }
}
