package io.pqagent.agent.pqs;

import java.util.List;

/** Answers the built-in diagnostic commands from the running agent (the runtime implements it). */
@FunctionalInterface
public interface PqsDiagnostics {
    /**
     * @return the answer as text for the operator
     * @throws Exception when the agent cannot answer (e.g. an unknown peer); its message goes to the client
     */
    String answer(Builtin builtin, List<String> args) throws Exception;
}
