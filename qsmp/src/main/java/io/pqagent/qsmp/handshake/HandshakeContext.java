package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.Clock;

/**
 * What a handshake needs from outside: the configured parameter set (never inferred from the peer),
 * the RCS MAC mode agreed out of band (profile rule 2), which Rijndael-256 implementation RCS runs
 * (the fast default, or the constant-time path for hosts where cache timing matters), and injected
 * time and randomness.
 */
public record HandshakeContext(ParameterSet parameterSet, MacMode macMode, BlockPath blockPath, Clock clock,
        EntropySource entropy) {

    /** The default block path, {@link BlockPath#AUTO}. */
    public HandshakeContext(ParameterSet parameterSet, MacMode macMode, Clock clock, EntropySource entropy) {
        this(parameterSet, macMode, BlockPath.AUTO, clock, entropy);
    }

    public static HandshakeContext defaults(ParameterSet set) {
        return new HandshakeContext(set, MacMode.KMAC, Clock.system(0), EntropySource.system());
    }
}
