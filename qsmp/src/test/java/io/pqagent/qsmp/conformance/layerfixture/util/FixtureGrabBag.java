package io.pqagent.qsmp.conformance.layerfixture.util;

/** Breaks the rule that every package belongs to a layer. */
public final class FixtureGrabBag {
    private FixtureGrabBag() {
    }
}
