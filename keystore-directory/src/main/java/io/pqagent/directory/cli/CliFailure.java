package io.pqagent.directory.cli;

/** A command that cannot go on: its one-line reason and exit code (1 refused or failed, 2 bad input). */
final class CliFailure extends Exception {
    private final int exitCode;

    CliFailure(int exitCode, String reason) {
        super(reason);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
