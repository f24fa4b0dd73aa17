package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.Test;

/** The filter's own numbering: where it starts, one up per chunk, and the wrap OPC 10000-6 §6.7.2.5 asks for. */
class SequenceNumbersTest {

    @Test
    void startsAtTheSendersFirstNumberAndCountsUp() {
        SequenceNumbers n = new SequenceNumbers();
        assertThat(n.started()).isFalse();
        assertThatThrownBy(n::take).isInstanceOf(IllegalStateException.class);
        n.startAt(41);
        n.startAt(99); // only the first start counts
        assertThat(n.take()).isEqualTo(41);
        assertThat(n.take()).isEqualTo(42);
    }

    @Test
    void wrapsToOneAfterUint32MaxMinus1024() {
        assertThat(SequenceNumbers.after(4_294_966_270L)).isEqualTo(4_294_966_271L);
        assertThat(SequenceNumbers.after(4_294_966_271L)).isEqualTo(1);
        assertThat(SequenceNumbers.after(0xFFFF_FFFFL)).isEqualTo(1);
    }

    @Test
    void theFilterWrapsWhereADenialShiftedTheNumbers() {
        RecordedOutput out = new RecordedOutput();
        OpcUaPolicy policy = OpcUaPolicyReader.read(Map.of("allow", "Read")).base();
        OpcUaFilter f = new OpcUaFilter(policy, "plant", "alpha", OpcUaFilterTest.CLOCK);
        long last = SequenceNumbers.WRAP_AFTER;
        f.fromOpener(UaWire.hello(), out);
        f.fromTarget(UaWire.acknowledge(), out);
        f.fromOpener(UaWire.openRequest(last - 1, 1), out);
        f.fromTarget(UaWire.openResponse(last - 1, 1), out);
        NodeId node = new NodeId(2, "x");
        f.fromOpener(UaWire.message('F', last, 2, UaWire.body(UaWire.write(1, node))), out); // denied: fault takes `last`
        f.fromOpener(UaWire.message('F', 1, 3, UaWire.body(UaWire.read(2, node))), out); // the client wrapped
        f.fromTarget(UaWire.message('F', last, 3, UaWire.body(UaWire.readResponse(2))), out);
        assertThat(UaWire.uint32(out.toOpener.get(2), 16)).as("the fault").isEqualTo(last);
        assertThat(UaWire.uint32(out.toTarget.get(2), 16)).as("the read, in the denied write's place").isEqualTo(last);
        assertThat(UaWire.uint32(out.toOpener.get(3), 16)).as("the server's answer, after the wrap").isEqualTo(1);
    }
}
