package io.pqagent.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.observe.ControlSocket;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent process behind a control socket, if one is running: the key commands work on the files and
 * then tell it ({@code keys-reload}) so that it takes in what they changed.
 */
final class RunningAgent {
    private RunningAgent() {
    }

    /**
     * After a rotation step: the running agent re-reads its identity files. No agent running is fine (it
     * reads them when it starts); an agent that answers with an error is not, and gives exit code 1.
     */
    static int tellKeysChanged(Path socket, PrintWriter out, PrintWriter err) {
        if (!Files.exists(socket)) {
            out.println("no agent is running (no " + socket + "): it reads the identity when it starts");
            return 0;
        }
        JsonNode answer;
        try {
            answer = ControlSocket.call(socket, ControlSocket.request("keys-reload"));
        } catch (IOException e) {
            out.println("no agent answered at " + socket + " (" + e.getMessage()
                    + "): it reads the identity when it starts");
            return 0;
        }
        if (!answer.path("ok").asBoolean()) {
            err.println("qsmp-agent: the files are changed, but the running agent could not take them in: "
                    + answer.path("error").asText() + "; fix that, then run qsmp-agent reload");
            return 1;
        }
        JsonNode keys = answer.path("result");
        out.println("the running agent took it in: phase " + keys.path("phase").asText() + ", connects with "
                + keys.path("key_id").asText());
        return 0;
    }
}
