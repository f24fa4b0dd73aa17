package io.pqagent.qsmp.keys;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The {@code Expiration:} field of a {@code .qpkey}: {@code YYYY-MM-DD HH-MM-SS} (hyphens in the time
 * too, QSMP-WIRE §8.3). The stored seconds are rendered and parsed as UTC, never in the JVM's zone
 * (profile rule 10); our clock already carries any offset, so this is what a C peer on a UTC host writes.
 */
final class ExpirationText {
    static final int LENGTH = 19;
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH-mm-ss").withResolverStyle(ResolverStyle.STRICT);

    private ExpirationText() {
    }

    static String render(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(FORMAT);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    static long parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + Printable.of(text) + "' is not YYYY-MM-DD HH-MM-SS");
        }
        long seconds;
        try {
            seconds = LocalDateTime.parse(text, FORMAT).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time", e);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("'" + text + "' is before 1970-01-01 00-00-00");
        }
        return seconds;
    }
}
