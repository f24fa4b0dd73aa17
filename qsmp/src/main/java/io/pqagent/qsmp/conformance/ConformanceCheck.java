package io.pqagent.qsmp.conformance;

/**
 * One independent check of the implementation against one piece of reference material: a vector
 * block, a transcript. Checks are run one after the other by {@link ConformanceRunner}.
 */
public interface ConformanceCheck {

    /** A stable, unique name that lets a reader find the material, e.g. {@code rcs-kat.txt#QSCTest-RCS-256}. */
    String id();

    /**
     * Runs the check. Anything thrown counts as a failure of this check with the exception's message,
     * so an implementation need not catch what it cannot handle.
     */
    CheckOutcome run() throws Exception;
}
