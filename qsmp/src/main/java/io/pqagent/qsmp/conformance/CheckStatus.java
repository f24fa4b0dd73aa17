package io.pqagent.qsmp.conformance;

public enum CheckStatus {
    PASS,
    FAIL,
    SKIP
}
