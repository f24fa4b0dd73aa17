package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.wire.Limits;
import picocli.CommandLine.Option;

/** {@code --count N --size S}: a scripted run instead of the console (see {@link ScriptedRun}). */
final class ScriptOptions {
    static final int DEFAULT_SIZE = 1024;

    @Option(names = "--count", paramLabel = "N",
            description = "Scripted run: send N messages, each after the echo of the one before, print the"
                    + " figures and exit (the peer must echo: 'server', or 'listen --echo').")
    Integer count;

    @Option(names = "--size", paramLabel = "S", description = "Bytes per message of a scripted run (default: 1024).")
    Integer size;

    boolean scripted() {
        return count != null;
    }

    /** Checked before connecting: the echo, {@code S} bytes plus its prefix, must fit one packet too. */
    void validate() throws CliFailure {
        if (count == null) {
            if (size != null) {
                throw CliFailure.usage("--size only applies to a scripted run: give --count too");
            }
            return;
        }
        if (count < 1) {
            throw CliFailure.usage("--count must be at least 1, got " + count);
        }
        int max = Limits.DEFAULT.maxTunnelMessage() - EchoReply.PREFIX.length;
        if (size() < 1 || size() > max) {
            throw CliFailure.usage("--size must be 1.." + max + " bytes, got " + size());
        }
    }

    int size() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
