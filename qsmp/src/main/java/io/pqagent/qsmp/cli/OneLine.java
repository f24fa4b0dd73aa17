package io.pqagent.qsmp.cli;

/** Error text for a terminal: whatever a cause says, the operator gets exactly one line. */
final class OneLine {
    private OneLine() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "(no detail)";
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
