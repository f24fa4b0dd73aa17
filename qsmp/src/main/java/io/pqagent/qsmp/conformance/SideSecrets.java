package io.pqagent.qsmp.conformance;

import java.util.List;

/** The intermediate secrets one side recorded ({@code secrets.<side>}). */
public record SideSecrets(SecretSummary summary, List<KdfEpoch> kdfEpochs, List<StateCheckpoint> checkpoints) {

    public SideSecrets {
        kdfEpochs = List.copyOf(kdfEpochs);
        checkpoints = List.copyOf(checkpoints);
    }
}
