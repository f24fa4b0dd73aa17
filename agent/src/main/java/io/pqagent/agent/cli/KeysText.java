package io.pqagent.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints a keys report (runtime.KeysReport) for an operator: the key in use, the phase, each identity. */
final class KeysText {
    private KeysText() {
    }

    static void print(JsonNode keys, PrintWriter out) {
        out.println("key id   " + keys.path("key_id").asText());
        out.println("expires  " + keys.path("key_expires").asText());
        String phase = keys.path("phase").asText();
        out.println("phase    " + phase + explain(phase, keys.path("overlap_ends").asText()));
        for (JsonNode id : keys.path("identities")) {
            String role = id.path("role").asText();
            String published = id.path("published").asText();
            // a first identity was registered at enrolment, which the store does not record
            String publication = !published.isEmpty() ? "published " + published + "  "
                    : role.equals("next") ? "not published  " : "";
            out.printf("%-8s %s  expires %s  %s%s%n", role, id.path("key_id").asText(), id.path("expires").asText(),
                    publication, id.path("accepted").asBoolean() ? "accepted" : "not accepted");
        }
    }

    private static String explain(String phase, String overlapEnds) {
        return switch (phase) {
            case "STEADY" -> " (one identity; qsmp-agent keys rotate prepares the next)";
            case "PREPARED" -> " (next key prepared: register its .qpkey, then qsmp-agent keys rotate --published)";
            case "OVERLAP" -> " (both identities in use until " + overlapEnds
                    + "; then the agent retires the old one, or now: qsmp-agent keys rotate --retire)";
            case "RETIRE_DUE" -> " (overlap ended " + overlapEnds
                    + "; the agent retires the old identity, or now: qsmp-agent keys rotate --retire)";
            default -> "";
        };
    }
}
