package io.pqagent.adapters.modbus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (a command, not a test): Modbus FC 3 for 10 registers through two real agents (alpha →
 * tunnel → bravo with the Modbus filter and a policy allowing the read) versus straight to the PLC, with
 * 1 and 50 concurrent masters; and through the same agents with {@code protocol: raw}, which tells the
 * filter's share from the tunnel's. The three paths alternate, round after round, so all see the same
 * machine; each figure is the median over the rounds with the smallest and largest in brackets.
 *
 * <pre>
 * mvn -q -B -pl protocol-adapters -am test -DskipTests -Pmodbus-bench [-Dmodbus.bench.seconds=5] [-Dmodbus.bench.rounds=5]
 * </pre>
 */
public final class ModbusBench {
    private static final String POLICY = """
            unit-ids: [1]
            function-codes: [3]
            read:
              holding-registers: [0-99]
            """;
    private static final int[] MASTERS = {1, 50};

    private ModbusBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("modbus-bench");
        try (Fc3Responder plc = Fc3Responder.start(); Fc3Responder rawPlc = Fc3Responder.start();
                ModbusAgents agents = ModbusAgents.start(dir, plc.port(), rawPlc.port(), POLICY)) {
            System.out.printf(Locale.ROOT, "Modbus FC 3, %d registers; %d rounds of %.1f s per case; %d cores%n",
                    BenchMasters.REGISTERS, rounds, seconds, Runtime.getRuntime().availableProcessors());
            // warm-up: both JVMs of the agents and this one
            for (int masters : MASTERS) {
                BenchMasters.run(plc.port(), masters, 2);
                BenchMasters.run(agents.rawServicePort, masters, 3);
                BenchMasters.run(agents.servicePort, masters, 3);
            }
            for (int masters : MASTERS) {
                List<BenchMasters.Result> direct = new ArrayList<>();
                List<BenchMasters.Result> raw = new ArrayList<>();
                List<BenchMasters.Result> via = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    direct.add(BenchMasters.run(plc.port(), masters, seconds));
                    raw.add(BenchMasters.run(agents.rawServicePort, masters, seconds));
                    via.add(BenchMasters.run(agents.servicePort, masters, seconds));
                }
                report(masters, direct, raw, via);
            }
            if (!agents.audit(ModbusAudit.DENIED).isEmpty() || !agents.audit(ModbusAudit.MALFORMED).isEmpty()) {
                throw new IllegalStateException("the filter refused benchmark traffic: see " + dir);
            }
        }
    }

    private static void report(int masters, List<BenchMasters.Result> direct, List<BenchMasters.Result> raw,
            List<BenchMasters.Result> via) {
        System.out.printf(Locale.ROOT, "%n%d master%s                 median   [min .. max]%n", masters,
                masters == 1 ? "" : "s");
        line("direct              p50 us", direct, r -> r.percentile(50) / 1e3);
        line("direct              p99 us", direct, r -> r.percentile(99) / 1e3);
        line("agents, raw         p50 us", raw, r -> r.percentile(50) / 1e3);
        line("agents, raw         p99 us", raw, r -> r.percentile(99) / 1e3);
        line("agents, modbus      p50 us", via, r -> r.percentile(50) / 1e3);
        line("agents, modbus      p99 us", via, r -> r.percentile(99) / 1e3);
        added("added, modbus       p50 us", direct, via, 50);
        added("added, modbus       p99 us", direct, via, 99);
        added("filter's share      p50 us", raw, via, 50);
        line("direct              req/s ", direct, BenchMasters.Result::requestsPerSecond);
        line("agents, raw         req/s ", raw, BenchMasters.Result::requestsPerSecond);
        line("agents, modbus      req/s ", via, BenchMasters.Result::requestsPerSecond);
    }

    /** Per round, {@code to}'s percentile minus {@code from}'s (both ran in that round). */
    private static void added(String name, List<BenchMasters.Result> from, List<BenchMasters.Result> to, double p) {
        double[] d = new double[from.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (to.get(i).percentile(p) - from.get(i).percentile(p)) / 1e3;
        }
        print(name, d);
    }

    private static void line(String name, List<BenchMasters.Result> results,
            java.util.function.ToDoubleFunction<BenchMasters.Result> f) {
        print(name, results.stream().mapToDouble(f).toArray());
    }

    /** The median over the rounds, then [smallest .. largest]. */
    private static void print(String name, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "  %s %10.1f   [%.1f .. %.1f]%n", name, median, v[0], v[v.length - 1]);
    }
}
