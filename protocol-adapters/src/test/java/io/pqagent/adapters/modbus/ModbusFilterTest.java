package io.pqagent.adapters.modbus;

import io.pqagent.adapters.testing.RecordingOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One stream through the filter, with a recording output in place of the agent. */
class ModbusFilterTest {
    /** Unit 1; reads of holding registers 0-99; writes of holding registers 10-19 only. */
    private static final Map<String, Object> POLICY = Map.of("unit-ids", 1, "function-codes", List.of(3, 6, 16),
            "read", Map.of("holding-registers", "0-99"), "write", Map.of("holding-registers", "10-19"));

    private final ModbusFilter filter = new ModbusFilter(PolicyReader.read(POLICY).forPeer("site-b"));
    private final RecordingOutput out = new RecordingOutput();

    @Test
    void anAllowedRequestReachesThePlcUnchangedAndItsAnswerReturns() {
        byte[] request = Adu.of(0x0101, 1, 3, 0, 0, 0, 2);
        filter.fromOpener(request, out);
        assertThat(out.target()).isEqualTo(request);
        assertThat(out.opener()).isEmpty();

        byte[] response = Adu.of(0x0101, 1, 3, 4, 0, 7, 0, 8);
        filter.fromTarget(response, out);
        assertThat(out.opener()).isEqualTo(response);
        assertThat(out.resets).isEmpty();
        assertThat(out.audits).isEmpty();
    }

    @Test
    void aDeniedWriteIsAnsweredWithExceptionTwoAuditedAndNeverForwarded() {
        filter.fromOpener(Adu.of(0x7777, 1, 6, 0, 40, 0x12, 0x34), out);
        assertThat(out.target()).isEmpty();
        assertThat(out.opener()).isEqualTo(Adu.of(0x7777, 1, 0x86, 0x02));
        assertThat(out.audits).containsExactly(Map.of("event", "modbus_denied", "unit", 1, "fc", 6, "transaction", 0x7777,
                "address", "write holding-registers 40", "exception", 2, "reason", "write holding-registers 40 not allowed"));
        assertThat(out.resets).as("a denial leaves the stream open").isEmpty();
    }

    @Test
    void anUnsupportedFunctionIsAnsweredWithExceptionOneAndAuditedAsRefused() {
        filter.fromOpener(Adu.of(9, 1, 8, 0, 0, 0x12, 0x34), out);
        assertThat(out.target()).isEmpty();
        assertThat(out.opener()).isEqualTo(Adu.of(9, 1, 0x88, 0x01));
        assertThat(out.audits).singleElement().satisfies(a -> {
            assertThat(a.get("event")).isEqualTo("modbus_refused");
            assertThat(a.get("reason")).isEqualTo("function code 8 is not supported");
        });
    }

    @Test
    void pipelinedRequestsAreSortedOneByOneAndAllowedOnesGoOutTogether() {
        byte[] a = Adu.of(1, 1, 3, 0, 0, 0, 1);
        byte[] denied = Adu.of(2, 1, 6, 0, 50, 0, 1);
        byte[] b = Adu.of(3, 1, 6, 0, 10, 0, 1);
        byte[] stream = Adu.concat(a, denied, b);
        // cut mid-frame twice
        filter.fromOpener(Arrays.copyOfRange(stream, 0, 9), out);
        filter.fromOpener(Arrays.copyOfRange(stream, 9, 20), out);
        filter.fromOpener(Arrays.copyOfRange(stream, 20, stream.length), out);
        assertThat(out.target()).isEqualTo(Adu.concat(a, b));
        assertThat(out.opener()).isEqualTo(Adu.of(2, 1, 0x86, 0x02));

        // the PLC may answer in any order (MB-TCP §4.2): matched by transaction id
        byte[] answerB = Adu.of(3, 1, 6, 0, 10, 0, 1);
        byte[] answerA = Adu.of(1, 1, 3, 2, 0, 9);
        filter.fromTarget(Adu.concat(answerB, answerA), out);
        assertThat(out.resets).isEmpty();
        assertThat(Arrays.copyOfRange(out.opener(), 9, out.opener().length)).isEqualTo(Adu.concat(answerB, answerA));
    }

    @Test
    void aMalformedRequestClosesTheStreamWithAnAuditEntryAndNothingAfterItIsRead() {
        filter.fromOpener(Adu.concat(Adu.of(1, 1, 3, 0, 0, 0, 1), Adu.withLength(2, 0, 255, 1, 3)), out);
        assertThat(out.target()).as("the valid frame before it still went").isEqualTo(Adu.of(1, 1, 3, 0, 0, 0, 1));
        assertThat(out.resets).containsExactly("malformed Modbus request: MBAP length 255 outside 2..254");
        assertThat(out.audits).containsExactly(Map.of("event", "modbus_malformed", "direction", "request",
                "reason", "MBAP length 255 outside 2..254"));
        filter.fromOpener(Adu.of(3, 1, 3, 0, 0, 0, 1), out);
        assertThat(out.target()).hasSize(12);
        assertThat(out.resets).hasSize(1);
    }

    @Test
    void aRequestWhoseByteCountContradictsItsSizeIsMalformed() {
        filter.fromOpener(Adu.of(1, 1, 16, 0, 10, 0, 1, 4, 0, 1), out);
        assertThat(out.target()).isEmpty();
        assertThat(out.resets).singleElement().asString().contains("byte count 4 but 2 bytes follow");
    }

    @Test
    void anUnsolicitedResponseClosesTheStream() {
        filter.fromTarget(Adu.of(99, 1, 3, 2, 0, 1), out);
        assertThat(out.opener()).isEmpty();
        assertThat(out.resets).containsExactly(
                "malformed Modbus response: response with transaction id 99 answers no pending request");
        assertThat(out.audits).singleElement().satisfies(a -> assertThat(a.get("direction")).isEqualTo("response"));
    }

    @Test
    void aResponseOfTheWrongShapeClosesTheStream() {
        filter.fromOpener(Adu.of(5, 1, 3, 0, 0, 0, 2), out);
        filter.fromTarget(Adu.of(5, 1, 3, 2, 0, 1), out);
        assertThat(out.resets).singleElement().asString().contains("byte count must be 4");
    }

    @Test
    void aWriteResponseMustEchoItsRequest() {
        filter.fromOpener(Adu.of(5, 1, 6, 0, 10, 0, 1), out);
        filter.fromTarget(Adu.of(5, 1, 6, 0, 11, 0, 1), out);
        assertThat(out.resets).singleElement().asString().contains("does not echo its request");
    }

    @Test
    void aResponseFromAnotherUnitClosesTheStream() {
        filter.fromOpener(Adu.of(5, 1, 3, 0, 0, 0, 1), out);
        filter.fromTarget(Adu.of(5, 2, 3, 2, 0, 1), out);
        assertThat(out.resets).singleElement().asString().contains("response from unit 2 to a request for unit 1");
    }

    @Test
    void thePlcsOwnExceptionResponsesPassThrough() {
        filter.fromOpener(Adu.of(5, 1, 3, 0, 0, 0, 1), out);
        filter.fromTarget(Adu.of(5, 1, 0x83, 0x04), out);
        assertThat(out.opener()).isEqualTo(Adu.of(5, 1, 0x83, 0x04));
        assertThat(out.resets).isEmpty();
    }

    @Test
    void aResponseSplitAcrossReadsIsForwardedWhenWhole() {
        filter.fromOpener(Adu.of(5, 1, 3, 0, 0, 0, 1), out);
        byte[] response = Adu.of(5, 1, 3, 2, 0, 1);
        filter.fromTarget(Arrays.copyOf(response, 4), out);
        assertThat(out.opener()).isEmpty();
        filter.fromTarget(Arrays.copyOfRange(response, 4, response.length), out);
        assertThat(out.opener()).isEqualTo(response);
    }
}
