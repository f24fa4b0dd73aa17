package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Untrusted bytes into the OPC UA framer, Milo's decoder and the filter, from the client and from the
 * server: no exception escapes, the outcome does not depend on how the bytes were cut, and what reaches
 * the server is whole messages only. The first input byte picks the mode: 0 — the bytes of a fresh
 * connection; 1 — the bytes after a well-formed HEL/ACK/OPN exchange with SecurityPolicy None; 2 — the
 * body of one client MSG on such a channel (straight into Milo's decoder and the policy). In modes 0
 * and 1 the next two bytes (big-endian) give the length of the client's bytes; the server's follow. Regression inputs
 * live in {@code OpcUaFilterFuzzTestInputs/filterOnlyForwardsWholeMessages}; {@link FuzzSeeds} wrote the
 * well-formed ones.
 */
class OpcUaFilterFuzzTest {
    static final OpcUaPolicy POLICY = OpcUaPolicyReader.read(Map.of(
            "allow", List.of("Read", "Browse", "Write", "CreateSubscription", "CreateMonitoredItems", "Publish",
                    "HistoryUpdate", "HistoryRead"),
            "deny", "Call",
            "nodes", Map.of("write", List.of("ns=2;s=Pump1.Setpoint"), "read", List.of("ns=0;*", "ns=2;*")))).base();
    static final byte[] CLIENT_PREFIX = UaWire.concat(UaWire.hello(), UaWire.openRequest(100, 1));
    static final byte[] SERVER_PREFIX = UaWire.concat(UaWire.acknowledge(), UaWire.openResponse(500, 1));

    @FuzzTest
    void filterOnlyForwardsWholeMessages(byte[] input) throws Exception {
        if (input.length < 3) {
            return;
        }
        int mode = (input[0] & 0xFF) % 3;
        byte[] client;
        byte[] server;
        if (mode == 2) {
            client = UaWire.message('F', 101, 2, Arrays.copyOfRange(input, 1, input.length));
            server = new byte[0];
        } else {
            int split = 3 + Math.min((input[1] & 0xFF) << 8 | input[2] & 0xFF, input.length - 3);
            client = Arrays.copyOfRange(input, 3, split);
            server = Arrays.copyOfRange(input, split, input.length);
        }
        boolean opened = mode != 0;
        Outcome whole = run(opened, client, server, Integer.MAX_VALUE);
        if (mode != 2) {
            assertThat(run(opened, client, server, 1)).isEqualTo(whole);
        }
        UaTcpFramer framer = new UaTcpFramer("check");
        framer.maxMessageSize(TransportLimits.MAX_CHUNK);
        framer.feed(whole.target());
        while (framer.next() != null) {
            // each one whole: next() would throw on a broken header
        }
        assertThat(framer.buffered()).as("only whole messages reach the server").isZero();
        assertThat(whole.resets).hasSizeLessThanOrEqualTo(1);
    }

    private record Outcome(byte[] target, byte[] opener, List<String> resets, List<Map<String, Object>> audits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && Arrays.equals(target, x.target) && Arrays.equals(opener, x.opener)
                    && resets.equals(x.resets) && audits.equals(x.audits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(target);
        }

        @Override
        public String toString() {
            return "Outcome[target=" + target.length + " bytes, opener=" + opener.length + " bytes, resets=" + resets
                    + ", audits=" + audits + "]";
        }
    }

    private static Outcome run(boolean opened, byte[] client, byte[] server, int piece) {
        OpcUaFilter f = new OpcUaFilter(POLICY, "plant", "alpha", OpcUaFilterTest.CLOCK);
        RecordedOutput out = new RecordedOutput();
        if (opened) {
            f.fromOpener(CLIENT_PREFIX, out);
            f.fromTarget(SERVER_PREFIX, out);
        }
        feed(client, piece, d -> f.fromOpener(d, out));
        feed(server, piece, d -> f.fromTarget(d, out));
        return new Outcome(out.target(), out.opener(), new ArrayList<>(out.resets), new ArrayList<>(out.audits));
    }

    private static void feed(byte[] data, int piece, java.util.function.Consumer<byte[]> sink) {
        for (int off = 0; off < data.length; off += piece) {
            sink.accept(Arrays.copyOfRange(data, off, (int) Math.min(data.length, (long) off + piece)));
        }
    }
}
