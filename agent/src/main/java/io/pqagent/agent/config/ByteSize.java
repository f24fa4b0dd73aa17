package io.pqagent.agent.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as an operator writes them: a plain integer, or a whole number and a unit, binary
 * ({@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}) or decimal ({@code KB}, {@code MB}, {@code GB},
 * {@code TB}). Units are matched without regard to case, except that the {@code i} marks binary.
 */
public final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "b", 1L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L);

    private ByteSize() {
    }

    /** @throws IllegalArgumentException saying what is wrong, for use in a configuration error */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 1GiB, 512MiB or 1000000 (bytes), got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        Long scale = unit.isEmpty() ? Long.valueOf(1L) : UNITS.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException("unknown size unit '" + m.group(2)
                    + "' (use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)");
        }
        try {
            return Math.multiplyExact(n, scale);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
    }

    /** The shortest exact binary form, for messages and the example file. */
    public static String format(long bytes) {
        String[] names = {"TiB", "GiB", "MiB", "KiB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < names.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + names[i];
            }
        }
        return bytes + "B";
    }
}
