package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;

/** Throw-away long-term keys and contexts for a benchmark run: nothing is read from or left on disk. */
final class BenchKeys {
    private BenchKeys() {
    }

    /** The parameter set an operator named, with the profile's refusals (flagged sets are allowed here). */
    static ParameterSet parameterSet(String config) {
        return config == null ? ParameterSet.DEFAULT : ParameterSet.select(config, true);
    }

    static SigningKeyRecord generate(ParameterSet set) {
        EntropySource e = EntropySource.system();
        return KeyGeneration.generate(set, KeyId.random(e), KeyGeneration.defaultExpiration(Clock.system(0)), e);
    }

    static HandshakeContext context(ParameterSet set) {
        return HandshakeContext.defaults(set);
    }
}
