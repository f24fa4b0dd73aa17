package io.pqagent.qsmp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * Reads standard input on its own daemon thread, a line at a time, into the command's event queue. A
 * blocking read cannot be interrupted, so the thread is a daemon: the process may end while it waits.
 */
final class ConsoleInput {
    private ConsoleInput() {
    }

    static void start(InputStream in, BlockingQueue<ConsoleEvent> events) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    events.add(new ConsoleEvent.Line(line));
                }
            } catch (IOException e) {
                // an unreadable stdin ends the console like its end does
            }
            events.add(new ConsoleEvent.EndOfInput());
        }, "qsmp-stdin");
        reader.setDaemon(true);
        reader.start();
    }
}
