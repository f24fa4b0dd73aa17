package io.pqagent.adapters.modbus;

/** A policy's answer to one request: allowed, or denied with the exception code the master gets and why. */
public record PolicyVerdict(boolean allowed, ExceptionCode code, String reason) {
    static final PolicyVerdict ALLOW = new PolicyVerdict(true, null, "allowed");

    static PolicyVerdict deny(ExceptionCode code, String reason) {
        return new PolicyVerdict(false, code, reason);
    }
}
