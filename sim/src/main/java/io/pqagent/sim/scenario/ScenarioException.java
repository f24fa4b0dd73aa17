package io.pqagent.sim.scenario;

/** A scenario file that cannot be run: the message names the file, the key and what is wrong. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
