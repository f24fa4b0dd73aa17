package io.pqagent.agent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where the interactive client reads its lines: JLine on a terminal (editing, history, Ctrl-C drops the
 * line, Ctrl-D ends the session), plain lines from a pipe.
 */
interface PqsTerminal extends AutoCloseable {
    /** The next line, or null at the end of input. */
    String readLine(String prompt) throws IOException;

    @Override
    void close() throws IOException;

    static PqsTerminal open() throws IOException {
        if (System.console() == null) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return new PqsTerminal() {
                @Override
                public String readLine(String prompt) throws IOException {
                    System.out.print(prompt); // a pipe still shows where an answer ends
                    System.out.flush();
                    return in.readLine();
                }

                @Override
                public void close() {
                }
            };
        }
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("pqs").build();
        return new PqsTerminal() {
            @Override
            public String readLine(String prompt) {
                while (true) {
                    try {
                        return reader.readLine(prompt);
                    } catch (UserInterruptException ctrlC) {
                        // drop the line being typed, as a shell does
                    } catch (EndOfFileException ctrlD) {
                        return null;
                    }
                }
            }

            @Override
            public void close() throws IOException {
                terminal.close();
            }
        };
    }
}
