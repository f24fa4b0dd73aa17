package io.pqagent.agent.plant;

/**
 * The agents, relays and devices a bench or a scenario starts are child processes: a runner stopped by
 * Ctrl-C or SIGTERM must not leave them running (holding ports, redialling each other), so they are
 * sent SIGTERM from a shutdown hook. A runner killed with SIGKILL cannot do this.
 */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    public static void stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "stop-children"));
    }
}
