package io.pqagent.qsmp.cli;

/**
 * A command cannot go on: the message is the one line the operator reads on stderr (after the command's
 * name), the exit code says what kind of failure it was ({@link ExitCode}).
 */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(OneLine.of(message));
        this.exitCode = exitCode;
    }

    CliFailure(int exitCode, String message, Throwable cause) {
        this(exitCode, message);
        initCause(cause);
    }

    int exitCode() {
        return exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(ExitCode.USAGE, message);
    }
}
