package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns one kind of reference file into checks: e.g. the RCS vector file into one check per block, a
 * transcript into one replay. Sources are listed explicitly in {@link CheckSources#defaults()}.
 */
public interface CheckSource {

    /** Whether this source understands {@code file} (typically by directory and extension). */
    boolean accepts(Path file);

    /**
     * The checks in {@code file}, in file order. Parsing happens here; a malformed file throws, and the
     * runner reports that as one failure for the file.
     */
    List<ConformanceCheck> checksFor(Path file) throws IOException;
}
