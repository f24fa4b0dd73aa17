package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp bench handshakes}: one server and its clients in this process on loopback, each on its own
 * event loops and crypto threads, sharing the machine's cores. Closed loop ({@code --clients N} loops of
 * connect, established, close) or open loop ({@code --rate R} handshakes started per second whatever
 * the server's pace, latency counted from the planned start so that a backlog shows in the tail).
 */
@Command(name = "handshakes",
        mixinStandardHelpOptions = true,
        description = {"Handshakes per second and client-observed handshake latency on loopback.",
            "Goal (issue 3): ≥ 1,000 Simplex handshakes/s with p99 ≤ 10 ms, clients and server sharing 2 cores."})
final class HandshakeBench implements Callable<Integer> {
    static final double GOAL_RATE = 1_000;
    static final double GOAL_P99_MILLIS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--mode", defaultValue = "simplex", paramLabel = "simplex|duplex",
            description = "Protocol mode (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--clients", defaultValue = "4", paramLabel = "N",
            description = "Concurrent client loops in closed-loop mode (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--rate", paramLabel = "R",
            description = "Open loop instead: start R handshakes per second at fixed intervals.")
    private Integer rate;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
            description = "Measured duration (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "S",
            description = "Unmeasured warm-up before it, for the JIT (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--config", paramLabel = "STRING",
            description = "QSMP configuration string (default: the profile's, dilithium-s5_kyber-s5_sha3_rcs).")
    private String config;

    @Option(names = "--server-threads", paramLabel = "IO,CRYPTO", split = ",", defaultValue = "0,0",
            description = "Server event-loop and crypto threads (default: one each per core).")
    private int[] serverThreads;

    @Option(names = "--client-threads", paramLabel = "IO,CRYPTO", split = ",", defaultValue = "0,0",
            description = "Client event-loop and crypto threads (default: one each per core).")
    private int[] clientThreads;

    @Override
    public Integer call() throws Exception {
        boolean duplex = switch (mode) {
            case "simplex" -> false;
            case "duplex" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--mode must be simplex or duplex, not " + mode);
        };
        if (seconds < 1 || warmup < 0 || (rate == null && clients < 1) || (rate != null && rate < 1)) {
            throw new ParameterException(spec.commandLine(), "--seconds, --clients and --rate must be positive");
        }
        ParameterSet set = BenchKeys.parameterSet(config);
        HandshakeContext ctx = BenchKeys.context(set);
        SigningKeyRecord serverKey = BenchKeys.generate(set);
        SigningKeyRecord clientKey = duplex ? BenchKeys.generate(set) : null;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("qsmp bench handshakes: %s, %s, %s, %d s measured after %d s warm-up%n", mode, set.config().text(),
                rate == null ? "closed loop, " + clients + " clients" : "open loop, " + rate + " handshakes/s",
                seconds, warmup);
        out.printf("machine: %s; JVM flags: %s%n", ProcessFigures.machine(), ProcessFigures.jvmFlags());

        try (QsmpNetwork serverNet = network(serverThreads); QsmpNetwork clientNet = network(clientThreads);
                QsmpServer server = duplex
                        ? serverNet.listenDuplex(ctx, serverKey, KeyQuery.of(clientKey.verificationKey()),
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                                TunnelHandler.ignoring())
                        : serverNet.startSimplex(ctx, serverKey, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                                TransportSettings.DEFAULTS, TunnelHandler.ignoring())) {
            InetSocketAddress address = server.localAddress();
            Supplier<CompletableFuture<Tunnel>> connect = duplex
                    ? () -> clientNet.connectDuplex(ctx, clientKey, serverKey.publicRecord(), address, TransportSettings.DEFAULTS,
                            TunnelHandler.ignoring())
                    : () -> clientNet.connectSimplex(ctx, serverKey.publicRecord(), address, TransportSettings.DEFAULTS,
                            TunnelHandler.ignoring());
            HandshakeLoad load = new HandshakeLoad(connect, warmup, seconds);
            HandshakeLoad.Result r = rate == null ? load.closedLoop(clients) : load.openLoop(rate);
            report(out, r, duplex);
            return r.failed() == 0 ? 0 : 1;
        }
    }

    private void report(PrintWriter out, HandshakeLoad.Result r, boolean duplex) {
        double perSecond = r.completed() / r.seconds();
        Latencies.Summary s = r.latency();
        out.printf("handshakes: %d in %.1f s = %.1f/s (failed %d%s)%n", r.completed(), r.seconds(), perSecond,
                r.failed(), r.firstFailure() == null ? "" : "; first: " + r.firstFailure());
        if (r.skipped() > 0) {
            out.printf("not started: %d (more than %d in flight: the server is not keeping up)%n", r.skipped(),
                    HandshakeLoad.MAX_IN_FLIGHT);
        }
        out.printf("latency (client-observed, connect to established): %s%n", s.millis());
        if (r.cpuNanos() >= 0 && r.completed() > 0) {
            out.printf("cpu: %.2f ms per handshake, clients and server together (%.0f%% of %d cores busy)%n",
                    r.cpuNanos() / 1e6 / r.completed(),
                    100.0 * r.cpuNanos() / (r.seconds() * 1e9 * Runtime.getRuntime().availableProcessors()),
                    Runtime.getRuntime().availableProcessors());
        }
        if (r.sharing() != null) {
            double available = r.seconds() * 1e9 * Runtime.getRuntime().availableProcessors();
            out.printf("machine sharing: other processes used %.0f%% of the cores, hypervisor steal %.0f%%"
                    + " (figures are only comparable when both are near 0)%n", 100.0 * r.sharing().othersNanos() / available,
                    100.0 * r.sharing().stealNanos() / available);
        }
        if (!duplex) {
            boolean met = perSecond >= GOAL_RATE && s.p99() <= GOAL_P99_MILLIS * 1e6;
            out.printf("goal (≥ %.0f Simplex handshakes/s, p99 ≤ %.0f ms at that rate): %s%n", GOAL_RATE,
                    GOAL_P99_MILLIS, met ? "met" : "missed");
        }
    }

    private static QsmpNetwork network(int[] threads) {
        if (threads.length != 2 || threads[0] < 0 || threads[1] < 0) {
            throw new IllegalArgumentException("thread counts are IO,CRYPTO, e.g. 2,2");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return QsmpNetwork.create(threads[0] == 0 ? cores : threads[0], threads[1] == 0 ? cores : threads[1]);
    }
}
