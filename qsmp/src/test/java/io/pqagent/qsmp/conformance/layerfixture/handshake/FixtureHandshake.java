package io.pqagent.qsmp.conformance.layerfixture.handshake;

import io.pqagent.qsmp.conformance.layerfixture.crypto.FixtureCipher;
import io.pqagent.qsmp.conformance.layerfixture.wire.FixtureHeader;

/** Keeps the rules: handshake may use wire and crypto, the layers to its left. */
public final class FixtureHandshake {
    public int sizes() {
        return new FixtureHeader().size() + new FixtureCipher().headerSize();
    }
}
