package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.crypto.BlockPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code qsmp bench idle-clients} in a child JVM on the same class path, driven one command per line
 * (see {@link IdleClients}). Its stderr goes to ours; its stdout carries only the answers.
 */
final class ClientProcess implements AutoCloseable {
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ClientProcess(Process process) {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    answers.add(line);
                }
            } catch (IOException e) {
                answers.add("error " + e.getMessage());
            }
            answers.add("exited");
        }, "bench-client-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ClientProcess start(Path serverKey, InetSocketAddress server, List<String> javaOptions) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(BlockPath.childJvmOptions());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.pqagent.qsmp.cli.QsmpMain",
                "bench", "idle-clients", "--server-key", serverKey.toString(),
                "--address", server.getAddress().getHostAddress(), "--port", Integer.toString(server.getPort())));
        return new ClientProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    long pid() {
        return process.pid();
    }

    /** Sends one command and returns the answer line, which must start with {@code expected}. */
    String call(String command, String expected, long timeoutSeconds) throws Exception {
        commands.println(command);
        String answer = answers.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (answer == null) {
            throw new TimeoutException("client process did not answer '" + command + "' within " + timeoutSeconds + " s");
        }
        if (!answer.startsWith(expected)) {
            throw new IllegalStateException("client process answered '" + answer + "' to '" + command + "'");
        }
        return answer;
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
