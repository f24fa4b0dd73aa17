package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One full replay per transcript file ({@code transcripts/*.json}). */
public final class TranscriptReplaySource implements CheckSource {

    @Override
    public boolean accepts(Path file) {
        Path parent = file.getParent();
        return parent != null && "transcripts".equals(String.valueOf(parent.getFileName()))
                && file.getFileName().toString().endsWith(".json");
    }

    @Override
    public List<ConformanceCheck> checksFor(Path file) throws IOException {
        Transcript t = TranscriptLoader.load(file);
        return List.of(new TranscriptReplay(t, "transcripts/" + file.getFileName()));
    }
}
