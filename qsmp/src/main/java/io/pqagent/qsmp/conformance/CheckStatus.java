package io.pqagent.qsmp.conformance;

/** Outcome of one conformance check. */
public enum CheckStatus {
    /** Every checked field matched. */
    PASS,
    /** A field differed or the case could not be run as written; the detail names the field. */
    FAIL,
    /** Not applicable to this implementation (e.g. a MAC build it does not support); never hides a failure. */
    SKIP
}
