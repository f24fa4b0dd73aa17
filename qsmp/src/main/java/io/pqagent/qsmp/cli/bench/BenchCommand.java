package io.pqagent.qsmp.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp bench}: figures for issue 3 (handshake rate and latency, memory per idle session,
 * throughput and round trip), measured on loopback and printed with the machine and JVM flags.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures the transport on loopback and prints the figures.",
        subcommands = {HandshakeBench.class, IdleBench.class, IdleClients.class, ThroughputBench.class})
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand");
    }
}
