package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A transcript file that is not valid JSON, lacks a field the model declares, or holds a value of the
 * wrong shape. The message names the file and the field as a JSON path, e.g.
 * {@code duplex.json: $.packets[3].header_hex: expected 21 bytes, found 20}.
 */
public final class TranscriptFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    public TranscriptFormatException(Path file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** The JSON path of the offending field, {@code $} for the whole document. */
    public String field() {
        return field;
    }
}
