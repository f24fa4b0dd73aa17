package io.pqagent.agent.config;

import java.time.Duration;

/** The bound checks shared by the records' constructors and the loader, so both say the same thing. */
final class Ranges {
    private Ranges() {
    }

    static void check(String what, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " " + DurationText.format(value) + " is outside "
                    + DurationText.format(min) + ".." + DurationText.format(max));
        }
    }

    static void checkBytes(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + ByteSize.format(value) + " is outside "
                    + ByteSize.format(min) + ".." + ByteSize.format(max));
        }
    }
}
