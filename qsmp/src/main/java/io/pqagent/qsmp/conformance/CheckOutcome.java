package io.pqagent.qsmp.conformance;

import java.util.Objects;

/**
 * What one conformance check found.
 *
 * @param status pass, fail or skip
 * @param detail for a failure, what differed; for a skip, why; for a pass, may be empty
 */
public record CheckOutcome(CheckStatus status, String detail) {

    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckOutcome pass() {
        return new CheckOutcome(CheckStatus.PASS, "");
    }

    public static CheckOutcome fail(String detail) {
        return new CheckOutcome(CheckStatus.FAIL, detail);
    }

    public static CheckOutcome skip(String reason) {
        return new CheckOutcome(CheckStatus.SKIP, reason);
    }
}
