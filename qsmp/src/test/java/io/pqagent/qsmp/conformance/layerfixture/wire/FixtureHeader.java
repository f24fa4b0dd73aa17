package io.pqagent.qsmp.conformance.layerfixture.wire;

/** Breaks the Bouncy Castle rule: a provider class used outside crypto. */
public final class FixtureHeader {
    public int size() {
        return org.bouncycastle.util.Arrays.clone(new byte[21]).length;
    }
}
