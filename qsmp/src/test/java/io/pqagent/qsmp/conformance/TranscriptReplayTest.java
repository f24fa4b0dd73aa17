package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.wire.Transcripts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference transcript, positive and negative, replays byte for byte with both of our sides:
 * key files, every packet each side sent, the delivered plaintexts, the KDF epochs, and in negative
 * cases the recorded error codes with nothing extra sent (profile rule 8).
 */
class TranscriptReplayTest {

    static List<String> cases() {
        return Transcripts.allCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replaysByteForByte(String caseName) throws Exception {
        Transcript t = TranscriptLoader.load(Transcripts.directory().resolve(caseName + ".json"));
        CheckOutcome outcome = new TranscriptReplay(t, caseName).run();
        assertThat(outcome.detail()).isEmpty();
        assertThat(outcome.status()).isEqualTo(CheckStatus.PASS);
    }
}
