package io.pqagent.qsmp.cli;

/** The exit codes every {@code qsmp} command shares; picocli's own usage errors are already 2. */
final class ExitCode {
    /** Done: the operator ended the run (quit, end of input) or the scripted run completed. */
    static final int OK = 0;
    /** The operation failed: a protocol error, an unreachable or silent peer, a timeout. */
    static final int FAILED = 1;
    /** The command could not start: bad arguments, missing or invalid key files. */
    static final int USAGE = 2;
    /** The peer ended the session (terminate) while this side was still running. */
    static final int PEER_CLOSED = 3;

    private ExitCode() {
    }
}
