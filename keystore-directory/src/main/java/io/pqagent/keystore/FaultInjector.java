package io.pqagent.keystore;

import java.io.IOException;

/**
 * Named points between the steps of a write or a rotation where a test makes the process "crash". Production
 * code uses {@link #NONE}; tests use it to prove that every interruption leaves a consistent directory.
 */
@FunctionalInterface
interface FaultInjector {
    FaultInjector NONE = point -> {
    };

    void at(String point) throws IOException;
}
