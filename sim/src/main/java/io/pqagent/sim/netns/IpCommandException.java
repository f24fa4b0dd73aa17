package io.pqagent.sim.netns;

import java.io.IOException;
import java.util.List;

/** An {@code ip} command that exited non-zero: the message names the command line and its stderr. */
final class IpCommandException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String stderr;

    IpCommandException(List<String> command, int exitCode, String stderr) {
        super("`" + String.join(" ", command) + "` failed (exit " + exitCode + "): " + oneLine(stderr));
        this.stderr = stderr;
    }

    /** The thing to delete is already gone: a device or namespace that does not exist. */
    boolean reportsMissing() {
        return stderr.contains("Cannot find device") || stderr.contains("No such file or directory")
                || stderr.contains("does not exist");
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", "; ");
        return line.isEmpty() ? "(no message)" : line;
    }
}
