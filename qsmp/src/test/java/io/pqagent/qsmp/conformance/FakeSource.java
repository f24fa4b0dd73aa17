package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test source for files with a given extension: each line {@code <status> <detail>} of the file is
 * one check. The status word {@code THROW} makes the check throw, {@code NULL} return null, {@code ERROR}
 * throw an {@link AssertionError}; a first line {@code UNREADABLE} makes {@link #checksFor} throw.
 */
final class FakeSource implements CheckSource {
    private final String extension;
    final List<String> calls = new ArrayList<>();

    FakeSource(String extension) {
        this.extension = extension;
    }

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().endsWith(extension);
    }

    @Override
    public List<ConformanceCheck> checksFor(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals("UNREADABLE")) {
            throw new IOException("line 1: not a vector block");
        }
        List<ConformanceCheck> checks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(" ", 2);
            String id = file.getFileName() + "#" + (i + 1);
            String detail = parts.length > 1 ? parts[1].replace("\\n", "\n") : "";
            checks.add(new Fake(id, parts[0], detail));
        }
        return checks;
    }

    private final class Fake implements ConformanceCheck {
        private final String id;
        private final String status;
        private final String detail;

        Fake(String id, String status, String detail) {
            this.id = id;
            this.status = status;
            this.detail = detail;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public CheckOutcome run() throws Exception {
            calls.add(id);
            return switch (status) {
                case "THROW" -> throw new IllegalStateException(detail);
                case "NULL" -> null;
                case "ERROR" -> throw new AssertionError(detail);
                default -> new CheckOutcome(CheckStatus.valueOf(status), detail);
            };
        }
    }
}
