package io.pqagent.adapters.modbus;

import io.pqagent.adapters.testing.RecordingOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilter;
import io.pqagent.agent.filter.StreamFilterProvider;
import io.pqagent.agent.filter.StreamFilters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModbusFilterProviderTest {
    private static StreamFilterProvider modbus() {
        return StreamFilters.load().forProtocol("modbus").orElseThrow();
    }

    @Test
    void serviceLoaderFindsTheModbusFilterNextToRaw() {
        assertThat(StreamFilters.load().protocols()).contains("raw", "modbus");
        assertThat(modbus()).isInstanceOf(ModbusFilterProvider.class);
    }

    @Test
    void aBadPolicyIsAConfigurationErrorNamingTheServiceAndTheKey() {
        FilterContext bad = new FilterContext("plc-1", "site-b", Map.of("read-only", "maybe"));
        assertThatThrownBy(() -> modbus().validate(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service plc-1: policy.read-only: 'maybe' is not true or false");
    }

    @Test
    void eachStreamGetsThePolicyOfItsPeer() {
        Map<String, Object> policy = Map.of("default", "allow", "peers", Map.of("site-b", Map.of("read-only", true)));
        byte[] write = Adu.of(1, 1, 6, 0, 0, 0, 1);

        StreamFilter forB = modbus().open(new FilterContext("plc-1", "site-b", policy));
        RecordingOutput b = new RecordingOutput();
        forB.fromOpener(write, b);
        assertThat(b.opener()).isEqualTo(Adu.of(1, 1, 0x86, 0x01));

        StreamFilter forC = modbus().open(new FilterContext("plc-1", "site-c", policy));
        RecordingOutput c = new RecordingOutput();
        forC.fromOpener(write, c);
        assertThat(c.target()).isEqualTo(write);
    }
}
