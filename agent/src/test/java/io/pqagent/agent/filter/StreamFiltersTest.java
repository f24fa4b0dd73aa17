package io.pqagent.agent.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamFiltersTest {

    @Test
    void theRawFilterIsFoundThroughServiceLoaderAndPassesBytesBothWays() {
        StreamFilters filters = StreamFilters.load();
        assertThat(filters.protocols()).contains("raw");
        StreamFilter raw = filters.forProtocol("raw").orElseThrow()
                .open(new FilterContext("plc", "substation-b", Map.of()));
        Recorder out = new Recorder();
        raw.fromOpener(new byte[] {1, 2}, out);
        raw.fromTarget(new byte[] {3}, out);
        assertThat(out.toTarget).containsExactly(new byte[] {1, 2});
        assertThat(out.toOpener).containsExactly(new byte[] {3});
        assertThat(filters.forProtocol("modbus")).as("adapters are not part of the agent module").isEmpty();
    }

    @Test
    void aRawServiceWithAPolicyIsAConfigurationError() {
        StreamFilterProvider raw = StreamFilters.load().forProtocol("raw").orElseThrow();
        assertThatThrownBy(() -> raw.validate(new FilterContext("plc", "b", Map.of("read-only", true))))
                .hasMessageContaining("a raw service takes no policy");
    }

    private static final class Recorder implements FilterOutput {
        final List<byte[]> toTarget = new ArrayList<>();
        final List<byte[]> toOpener = new ArrayList<>();

        @Override
        public void toTarget(byte[] data) {
            toTarget.add(data);
        }

        @Override
        public void toOpener(byte[] data) {
            toOpener.add(data);
        }

        @Override
        public void reset(String reason) {
            throw new AssertionError("reset: " + reason);
        }

        @Override
        public void audit(String event, Map<String, ?> fields) {
        }
    }
}
