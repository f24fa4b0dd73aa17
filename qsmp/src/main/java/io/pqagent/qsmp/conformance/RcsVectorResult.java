package io.pqagent.qsmp.conformance;

import java.util.Objects;

/** The result of running one rcs-kat.txt block; {@code detail} is one line naming the id and, on failure, the field. */
public record RcsVectorResult(String id, CheckStatus status, String detail) {
    public RcsVectorResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    static RcsVectorResult pass(String id, String detail) {
        return new RcsVectorResult(id, CheckStatus.PASS, id + ": " + detail);
    }

    static RcsVectorResult fail(String id, String detail) {
        return new RcsVectorResult(id, CheckStatus.FAIL, id + ": " + detail);
    }

    static RcsVectorResult skip(String id, String detail) {
        return new RcsVectorResult(id, CheckStatus.SKIP, id + ": " + detail);
    }
}
