package io.pqagent.qsmp.keys;

/** Untrusted text made safe to put in an error message: control and non-ASCII characters escaped, length capped. */
final class Printable {
    private static final int MAX = 60;

    private Printable() {
    }

    static String of(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02X", (int) c & 0xFF));
            }
        }
        return b.length() >= MAX && s.length() > MAX ? b + "..." : b.toString();
    }
}
