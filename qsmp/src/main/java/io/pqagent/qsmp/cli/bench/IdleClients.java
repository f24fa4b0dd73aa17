package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp bench idle-clients}: the client half of {@code qsmp bench idle}, run in a separate JVM so
 * that the server's memory figures hold only the server. It obeys one command per stdin line and
 * answers each with one stdout line: {@code open N} → {@code opened N failed F}, {@code close} →
 * {@code closed N}, {@code churn N} (short sessions: connect, close) → {@code churned N failed F},
 * {@code quit} or end of input → exit.
 */
@Command(name = "idle-clients", hidden = true,
        description = "Client half of 'qsmp bench idle' (driven through stdin by the server side).")
final class IdleClients implements Callable<Integer> {
    private static final long STEP_SECONDS = 600;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server-key", required = true, paramLabel = "FILE", description = "The server's .qpkey.")
    private Path serverKey;

    @Option(names = "--port", required = true, paramLabel = "PORT")
    private int port;

    @Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "ADDRESS")
    private String address;

    @Option(names = "--in-flight", defaultValue = "64", paramLabel = "K",
            description = "Handshakes in progress at once (default: ${DEFAULT-VALUE}).")
    private int inFlight;

    private final List<Tunnel> open = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PublicKeyRecord key = KeyFiles.readQpkey(serverKey);
        HandshakeContext ctx = BenchKeys.context(key.parameterSet());
        InetSocketAddress server = new InetSocketAddress(address, port);
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (QsmpNetwork net = QsmpNetwork.create(1, Runtime.getRuntime().availableProcessors())) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "open" -> {
                        int failed = sessions(Integer.parseInt(words[1]), () -> connect(net, ctx, key, server)
                                .thenAccept(this::keep));
                        out.println("opened " + open.size() + " failed " + failed);
                    }
                    case "close" -> {
                        List<CompletableFuture<?>> closing = new ArrayList<>();
                        synchronized (open) {
                            open.forEach(t -> closing.add(t.close()));
                            open.clear();
                        }
                        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                                .get(STEP_SECONDS, TimeUnit.SECONDS);
                        out.println("closed " + closing.size());
                    }
                    case "churn" -> {
                        int n = Integer.parseInt(words[1]);
                        int failed = sessions(n, () -> connect(net, ctx, key, server)
                                .thenCompose(Tunnel::close).thenAccept(end -> { }));
                        out.println("churned " + n + " failed " + failed);
                    }
                    case "quit" -> {
                        return 0;
                    }
                    default -> out.println("unknown command " + words[0]);
                }
            }
        }
        return 0;
    }

    private static CompletableFuture<Tunnel> connect(QsmpNetwork net, HandshakeContext ctx, PublicKeyRecord key,
            InetSocketAddress server) {
        return net.connectSimplex(ctx, key, server, TransportSettings.DEFAULTS, TunnelHandler.ignoring());
    }

    private void keep(Tunnel t) {
        synchronized (open) {
            open.add(t);
        }
    }

    /** Runs {@code count} sessions, {@link #inFlight} at a time; returns how many failed. */
    private int sessions(int count, java.util.function.Supplier<CompletableFuture<Void>> session) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> reasons = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire(STEP_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("sessions stalled");
            }
            session.get().whenComplete((x, e) -> {
                if (e != null && failed.incrementAndGet() == 1) {
                    reasons.add(e);
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(inFlight, STEP_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sessions stalled");
        }
        for (Throwable e : reasons) {
            spec.commandLine().getErr().println("idle-clients: first failure: " + e);
        }
        return failed.get();
    }
}
