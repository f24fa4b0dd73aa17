package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parser for {@code vectors/rcs-kat.txt}: {@code #} comments and blank lines between blocks; each block is
 * {@code [vector]}, lines {@code name = value}, {@code [end]}. Anything else is an error that names the line.
 */
public final class RcsVectorFile {
    /** Far above the real file (87 KB); refuses to read anything absurd into memory. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private RcsVectorFile() {
    }

    public static List<RcsVectorBlock> parse(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + ": " + size + " bytes, more than the " + MAX_FILE_BYTES + " a vector file may have");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read RCS vector file " + file, e);
        }
    }

    /** Parses the text of a vector file; {@code source} names it in error messages. */
    public static List<RcsVectorBlock> parse(String text, String source) {
        List<RcsVectorBlock> blocks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> fields = null;
        int blockLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("[vector]")) {
                if (fields != null) {
                    throw error(source, lineNo, "[vector] inside the block opened at line " + blockLine + " (missing [end])");
                }
                fields = new LinkedHashMap<>();
                blockLine = lineNo;
            } else if (line.equals("[end]")) {
                if (fields == null) {
                    throw error(source, lineNo, "[end] without a [vector]");
                }
                String id = fields.get("id");
                if (id == null || id.isEmpty()) {
                    throw error(source, blockLine, "block has no id");
                }
                if (!ids.add(id)) {
                    throw error(source, blockLine, "duplicate id " + id);
                }
                blocks.add(new RcsVectorBlock(id, blockLine, fields));
                fields = null;
            } else {
                if (fields == null) {
                    throw error(source, lineNo, "text outside a [vector] block: " + abbreviate(line));
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw error(source, lineNo, "expected 'name = value', got: " + abbreviate(line));
                }
                String name = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (!FIELD_NAME.matcher(name).matches()) {
                    throw error(source, lineNo, "bad field name '" + abbreviate(name) + "'");
                }
                if (fields.putIfAbsent(name, value) != null) {
                    throw error(source, lineNo, "field " + name + " given twice in one block");
                }
            }
        }
        if (fields != null) {
            throw error(source, blockLine, "block not closed by [end] before the end of the file");
        }
        return blocks;
    }

    private static IllegalArgumentException error(String source, int line, String message) {
        return new IllegalArgumentException(source + " line " + line + ": " + message);
    }

    private static String abbreviate(String v) {
        return v.length() <= 60 ? v : v.substring(0, 60) + "...";
    }
}
