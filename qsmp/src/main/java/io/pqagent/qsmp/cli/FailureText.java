package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One line for an operator from whatever ended a command: the protocol's name and text for a QSMP error
 * (what a C operator sees in the reference's logs), the file for a file error, the reason for an I/O error.
 */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof QsmpException q) {
            return of(q.error(), detail(q));
        }
        if (e instanceof KeyFileException) {
            return OneLine.of(e.getMessage());
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof FileSystemException f) {
            return OneLine.of(f.getFile() + ": " + f.getReason());
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return OneLine.of(e.getMessage());
        }
        return OneLine.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** {@code key_unrecognized: The key identity is unrecognized (detail)}. */
    static String of(QsmpError error, String detail) {
        String base = error.protocolName() + ": " + error.text();
        return OneLine.of(detail == null || detail.isBlank() ? base : base + " (" + detail + ")");
    }

    /** The cause a future or executor wrapped around the real failure. */
    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** QsmpException's message is "name (0xNN): detail"; the name and text are said already. */
    private static String detail(QsmpException q) {
        String message = q.getMessage();
        int colon = message.indexOf("): ");
        return colon < 0 ? null : message.substring(colon + 3);
    }
}
