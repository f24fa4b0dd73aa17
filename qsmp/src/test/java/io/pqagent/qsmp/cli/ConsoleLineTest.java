package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.session.RatchetKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sample apps' console commands match whole lines; everything else is a message, as typed. */
class ConsoleLineTest {

    @Test
    void commandsAreWholeLines() {
        assertThat(ConsoleLine.parse("qsmp symmetric ratchet")).isEqualTo(new ConsoleLine.Ratchet(RatchetKind.SYMMETRIC));
        assertThat(ConsoleLine.parse("qsmp asymmetric ratchet")).isEqualTo(new ConsoleLine.Ratchet(RatchetKind.ASYMMETRIC));
        assertThat(ConsoleLine.parse("qsmp quit")).isEqualTo(new ConsoleLine.Quit());
        assertThat(ConsoleLine.parse("")).isEqualTo(new ConsoleLine.Nothing());
    }

    @Test
    void anythingElseIsSentAsUtf8() {
        for (String text : new String[] {"qsmp quit now", " qsmp quit", "QSMP QUIT", "héllo wörld", " "}) {
            assertThat(ConsoleLine.parse(text)).isInstanceOfSatisfying(ConsoleLine.Send.class,
                    s -> assertThat(s.message()).isEqualTo(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
