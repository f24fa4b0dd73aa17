package io.pqagent.adapters.modbus;

import io.pqagent.adapters.testing.RecordingOutput;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Untrusted bytes into the Modbus parser and filter, from the master and from the PLC: nothing but the
 * filter's own outcomes may come out (no exception escapes), the result must not depend on how the
 * stream was cut, and every byte the PLC is sent is a whole frame that passed the checks. The first
 * input byte picks where the requests end and the PLC's bytes begin. Regression inputs live in
 * {@code ModbusParserFuzzTestInputs/filterOnlyForwardsCheckedFrames}.
 */
class ModbusParserFuzzTest {
    private static final ModbusPolicies POLICY = PolicyReader.read(Map.of("default", "allow",
            "write", Map.of("holding-registers", "0-99"), "peers", Map.of("ro", Map.of("read-only", true))));

    @FuzzTest
    void filterOnlyForwardsCheckedFrames(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        int split = 1 + Math.min(input.length - 1, (input[0] & 0xFF) * input.length / 256);
        byte[] requests = Arrays.copyOfRange(input, 1, split);
        byte[] responses = Arrays.copyOfRange(input, split, input.length);
        for (String peer : new String[] {"rw", "ro"}) {
            Outcome whole = run(peer, requests, responses, Integer.MAX_VALUE);
            Outcome bytewise = run(peer, requests, responses, 1);
            assertThat(bytewise).isEqualTo(whole);
            // what reached the PLC is a sequence of frames, each a request the parser accepts
            MbapFramer framer = new MbapFramer();
            framer.feed(whole.target());
            for (Optional<ModbusFrame> f = framer.next(); f.isPresent(); f = framer.next()) {
                RequestParser.parse(f.get());
            }
            assertThat(framer.buffered()).isZero();
            assertThat(whole.resets).hasSizeLessThanOrEqualTo(1);
        }
    }

    /** What the filter did with one stream; equal when every output is byte for byte the same. */
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
            return "Outcome[target=" + Arrays.toString(target) + ", opener=" + Arrays.toString(opener) + ", resets="
                    + resets + ", audits=" + audits + "]";
        }
    }

    private static Outcome run(String peer, byte[] requests, byte[] responses, int chunk) {
        ModbusFilter filter = new ModbusFilter(POLICY.forPeer(peer));
        RecordingOutput out = new RecordingOutput();
        for (int off = 0; off < requests.length; off += chunk) {
            filter.fromOpener(Arrays.copyOfRange(requests, off, (int) Math.min(requests.length, (long) off + chunk)), out);
        }
        for (int off = 0; off < responses.length; off += chunk) {
            filter.fromTarget(Arrays.copyOfRange(responses, off, (int) Math.min(responses.length, (long) off + chunk)), out);
        }
        return new Outcome(out.target(), out.opener(), new ArrayList<>(out.resets), new ArrayList<>(out.audits));
    }
}
