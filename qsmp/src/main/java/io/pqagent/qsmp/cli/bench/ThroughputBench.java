package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp bench throughput}: one Duplex session on loopback to a listener that echoes every
 * message. For each size: messages per second and payload MB/s with a window of messages in flight,
 * then round trips one at a time (send, wait for the echo) for the latency percentiles.
 */
@Command(name = "throughput",
        mixinStandardHelpOptions = true,
        description = "Messages/s, MB/s and round-trip latency over one Duplex session with an echo peer.")
final class ThroughputBench implements Callable<Integer> {
    private static final long WAIT_SECONDS = 120;

    @Spec
    private CommandSpec spec;

    @Option(names = "--size", split = ",", defaultValue = "12,1024", paramLabel = "BYTES",
            description = "Message sizes, each measured separately (default: ${DEFAULT-VALUE}).")
    private int[] sizes;

    @Option(names = "--messages", defaultValue = "200000", paramLabel = "N",
            description = "Messages per size for the throughput figure (default: ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--round-trips", defaultValue = "20000", paramLabel = "N",
            description = "Sequential round trips per size for the latency figure (default: ${DEFAULT-VALUE}).")
    private int roundTrips;

    @Option(names = "--window", defaultValue = "256", paramLabel = "W",
            description = "Messages in flight during the throughput run (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--config", paramLabel = "STRING",
            description = "QSMP configuration string (default: the profile's, dilithium-s5_kyber-s5_sha3_rcs).")
    private String config;

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || roundTrips < 1 || window < 1) {
            throw new ParameterException(spec.commandLine(), "--messages, --round-trips and --window must be positive");
        }
        ParameterSet set = BenchKeys.parameterSet(config);
        int limit = TransportSettings.DEFAULTS.limits().maxTunnelMessage() - 64; // room for the RCS-512 tag field
        for (int size : sizes) {
            if (size < 1 || size > limit) {
                throw new ParameterException(spec.commandLine(), "--size must be 1.." + limit + ", not " + size);
            }
        }
        HandshakeContext ctx = BenchKeys.context(set);
        SigningKeyRecord listenerKey = BenchKeys.generate(set);
        SigningKeyRecord senderKey = BenchKeys.generate(set);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("qsmp bench throughput: one Duplex session, %s, echo peer on loopback%n", set.config().text());
        out.printf("machine: %s; JVM flags: %s%n", ProcessFigures.machine(), ProcessFigures.jvmFlags());

        EchoInbox inbox = new EchoInbox();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        int cores = Runtime.getRuntime().availableProcessors();
        try (QsmpNetwork serverNet = QsmpNetwork.create(1, cores); QsmpNetwork clientNet = QsmpNetwork.create(1, cores);
                QsmpServer server = serverNet.listenDuplex(ctx, listenerKey, KeyQuery.of(senderKey.verificationKey()),
                        loopback, TransportSettings.DEFAULTS, (t, m) -> t.send(m))) {
            Tunnel tunnel = clientNet.connectDuplex(ctx, senderKey, listenerKey.publicRecord(), server.localAddress(),
                    TransportSettings.DEFAULTS, inbox).get(WAIT_SECONDS, TimeUnit.SECONDS);
            for (int size : sizes) {
                byte[] message = new byte[size];
                inbox.pipelined(tunnel, message, Math.min(messages, 20_000), window, WAIT_SECONDS); // JIT warm-up
                long cpu0 = ProcessFigures.processCpuNanos();
                ProcessFigures.MachineCpu machine0 = ProcessFigures.machineCpu();
                long nanos = inbox.pipelined(tunnel, message, messages, window, WAIT_SECONDS);
                long cpu = ProcessFigures.processCpuNanos() - cpu0;
                ProcessFigures.MachineCpu machine1 = ProcessFigures.machineCpu();
                double seconds = nanos / 1e9;
                out.printf("%d-byte messages: %d echoed in %.2f s = %.0f messages/s, %.2f MB/s payload each way"
                        + " (window %d; cpu %.1f µs per message, both ends)%n", size, messages, seconds,
                        messages / seconds, (double) messages * size / seconds / 1e6, window, cpu / 1e3 / messages);
                if (machine0 != null && machine1 != null) {
                    out.printf("  machine sharing: other processes used %.0f%% of the cores%n", 100.0
                            * Math.max(0, machine1.busyNanos() - machine0.busyNanos() - cpu) / (nanos * (double) cores));
                }
                inbox.roundTrips(tunnel, message, Math.min(roundTrips, 2_000), WAIT_SECONDS); // warm-up
                Latencies.Summary rtt = inbox.roundTrips(tunnel, message, roundTrips, WAIT_SECONDS).summary();
                out.printf("%d-byte round trip (send one, wait for its echo; %d samples): %s%n", size, rtt.count(),
                        rtt.micros());
            }
            tunnel.close().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        return 0;
    }
}
