package io.pqagent.qsmp.conformance;

import java.util.List;

/** The check sources that {@code qsmp conformance} runs, listed explicitly (no class-path scanning). */
public final class CheckSources {
    private CheckSources() {
    }

    /**
     * Every source this build implements. The RCS vector source and the transcript replay source join
     * this list when their protocol layers are merged; until then a file no source accepts is reported
     * as skipped, and a run where nothing was checked exits non-zero.
     */
    public static List<CheckSource> defaults() {
        return List.of();
    }
}
