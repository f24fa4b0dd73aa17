package io.pqagent.agent.plant;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory replica as its own {@code qsmp-directory serve} process, with this JVM's class path: what a
 * plant runs when every part must be a process of its own. It logs to a file, and is ready once it has
 * logged the address it listens on.
 */
final class DirectoryProcess implements AutoCloseable {
    static final String DIRECTORY_MAIN = "io.pqagent.directory.cli.DirectoryMain";
    private static final Pattern LISTENING = Pattern.compile("directory replica listening on (\\S+):(\\d+)");

    private final Process process;
    private final InetSocketAddress address;

    private DirectoryProcess(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /**
     * Starts {@code qsmp-directory serve} on {@code bind} (a free port) with the given store, authority key
     * and replica key files, and waits until it listens.
     */
    static DirectoryProcess start(String store, Path authorityKey, Path replicaKey, String bind, int workers,
            List<String> jvmOptions, Path log, Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = SameJvmCommand.of(List.of(), jvmOptions, DIRECTORY_MAIN, List.of("serve", "--store", store,
                "--authority-key", authorityKey.toString(), "--key", replicaKey.toString(), "--bind", bind,
                "--port", "0", "--workers", Integer.toString(workers)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "");
            if (m.find()) {
                return new DirectoryProcess(p, new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
            }
            if (!p.isAlive()) {
                throw new IOException("the directory exited with code " + p.exitValue() + " before it listened; see " + log);
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("the directory did not listen within " + timeout.toSeconds() + " s; see " + log);
    }

    InetSocketAddress address() {
        return address;
    }

    /** SIGTERM (its shutdown hook closes the store), SIGKILL after 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
