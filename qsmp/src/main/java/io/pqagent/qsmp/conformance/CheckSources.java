package io.pqagent.qsmp.conformance;

import java.util.List;

/** The check sources that {@code qsmp conformance} runs, listed explicitly (no class-path scanning). */
public final class CheckSources {
    private CheckSources() {
    }

    /** Every source this build implements: RCS known answers and full transcript replays. */
    public static List<CheckSource> defaults() {
        return List.of(new RcsVectorSource(), new TranscriptReplaySource());
    }
}
