package io.pqagent.agent.pqs;

import java.util.List;

/** What the policy makes of one command line: a built-in, an OS process, or a refusal with its reason. */
public sealed interface CommandDecision {
    record RunBuiltin(Builtin builtin, List<String> args) implements CommandDecision {
        public RunBuiltin {
            args = List.copyOf(args);
        }
    }

    /** {@code argv[0]} is the program, looked up on the clean PATH; {@code argv} is never passed to a shell unless it is {@code /bin/sh -c LINE} of a raw user. */
    record RunProcess(List<String> argv) implements CommandDecision {
        public RunProcess {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("an empty command");
            }
        }
    }

    record Refused(PqsErrorCode code, String reason) implements CommandDecision {
    }
}
