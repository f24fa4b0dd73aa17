package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.session.RatchetKind;
import java.nio.charset.StandardCharsets;

/** A line typed at the console: a command of the reference's sample apps, or a message to send. */
sealed interface ConsoleLine {
    String SYMMETRIC_RATCHET = "qsmp symmetric ratchet";
    String ASYMMETRIC_RATCHET = "qsmp asymmetric ratchet";
    String QUIT = "qsmp quit";

    record Send(byte[] message) implements ConsoleLine {
    }

    record Ratchet(RatchetKind kind) implements ConsoleLine {
    }

    record Quit() implements ConsoleLine {
    }

    /** An empty line sends nothing: the protocol has no empty messages (QSMP-WIRE §2.5). */
    record Nothing() implements ConsoleLine {
    }

    /** Commands match the whole line, as in the sample apps; anything else is sent as UTF-8. */
    static ConsoleLine parse(String line) {
        return switch (line) {
            case SYMMETRIC_RATCHET -> new Ratchet(RatchetKind.SYMMETRIC);
            case ASYMMETRIC_RATCHET -> new Ratchet(RatchetKind.ASYMMETRIC);
            case QUIT -> new Quit();
            case "" -> new Nothing();
            default -> new Send(line.getBytes(StandardCharsets.UTF_8));
        };
    }
}
