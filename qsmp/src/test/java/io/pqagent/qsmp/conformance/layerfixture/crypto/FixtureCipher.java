package io.pqagent.qsmp.conformance.layerfixture.crypto;

import io.pqagent.qsmp.conformance.layerfixture.wire.FixtureHeader;

/** Breaks the direction: the crypto layer reaching up into wire. */
public final class FixtureCipher {
    public int headerSize() {
        return new FixtureHeader().size();
    }
}
