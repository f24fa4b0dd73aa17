package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilterProvider;
import io.pqagent.agent.filter.StreamFilters;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds the provider; a bad policy is a config error naming the service; the service names are Milo's. */
class OpcUaFilterProviderTest {

    @Test
    void serviceLoaderFindsTheOpcUaFilter() {
        StreamFilterProvider p = StreamFilters.load().forProtocol("opcua").orElseThrow();
        assertThat(p).isInstanceOf(OpcUaFilterProvider.class);
        assertThat(p.open(new FilterContext("plant", "alpha", Map.of("allow", List.of("Read"))))).isInstanceOf(OpcUaFilter.class);
    }

    @Test
    void validateNamesTheServiceAndTheKey() {
        StreamFilterProvider p = new OpcUaFilterProvider();
        p.validate(new FilterContext("plant", "alpha", Map.of("deny", "Write")));
        assertThatThrownBy(() -> p.validate(new FilterContext("plant", "alpha", Map.of("deny", "Wite"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service plant: policy.deny: unknown service 'Wite'");
    }

    @Test
    void everyPolicyServiceNameIsAMiloRequestType() throws Exception {
        for (String name : union()) {
            Class<?> c = Class.forName("org.eclipse.milo.opcua.stack.core.types.structured." + name + "Request");
            assertThat(UaRequestMessageType.class).as(name).isAssignableFrom(c);
        }
        assertThat(ServiceNames.GOVERNED).doesNotContainAnyElementsOf(ServiceNames.ALWAYS_ALLOWED);
    }

    private static List<String> union() {
        List<String> all = new java.util.ArrayList<>(ServiceNames.GOVERNED);
        all.addAll(ServiceNames.ALWAYS_ALLOWED);
        return all;
    }
}
