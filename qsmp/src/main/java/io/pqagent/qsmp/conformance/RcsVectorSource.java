package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One check per {@code [vector]} block of an RCS vector file ({@code vectors/*.txt}). */
public final class RcsVectorSource implements CheckSource {

    @Override
    public boolean accepts(Path file) {
        Path parent = file.getParent();
        return parent != null && "vectors".equals(String.valueOf(parent.getFileName()))
                && file.getFileName().toString().endsWith(".txt");
    }

    @Override
    public List<ConformanceCheck> checksFor(Path file) throws IOException {
        String name = file.getFileName().toString();
        return RcsVectorFile.parse(file).stream().map(block -> (ConformanceCheck) new ConformanceCheck() {
            @Override
            public String id() {
                return name + "#" + block.id();
            }

            @Override
            public CheckOutcome run() {
                RcsVectorResult r = RcsVectorCheck.run(block);
                return new CheckOutcome(r.status(), r.detail());
            }
        }).toList();
    }
}
