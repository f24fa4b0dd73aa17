package io.pqagent.agent.plant;

import io.pqagent.qsmp.crypto.BlockPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a main class in a JVM like this one: the same java binary and class path, so
 * a plant's processes (agents, the directory, simulated parts) run exactly the code that started them, with
 * the Vector API module when this JVM has it.
 */
public final class SameJvmCommand {
    private SameJvmCommand() {
    }

    /**
     * {@code PREFIX java JVM-OPTIONS -cp <this class path> MAIN ARGS}; the prefix (e.g. {@code ip netns exec
     * NAME}) must exec the rest, so that killing the process kills the JVM.
     */
    public static List<String> of(List<String> prefix, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(BlockPath.childJvmOptions());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return cmd;
    }
}
