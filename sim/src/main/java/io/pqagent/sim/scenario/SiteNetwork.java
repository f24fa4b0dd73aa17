package io.pqagent.sim.scenario;

import java.util.List;

/**
 * Where a scenario's sites live on the network, and how a process is started at one: all on loopback, or
 * (run as root, and asked to) each site in a network namespace of its own. A site's devices always listen
 * on its own 127.0.0.1, so in namespaces only that site's agent can reach them.
 */
interface SiteNetwork extends AutoCloseable {
    /** The address the runner's own listeners bind (the directory, the link relays), reachable from every site. */
    String hostAddress();

    /** A site's address: its agent's QSMP listener and its service ports. */
    String siteAddress(String site);

    /** Prepended to the command line of a process that runs at {@code site}: it must exec the rest. */
    List<String> commandPrefix(String site);

    @Override
    void close();

    /** Every site on this machine's loopback. */
    static SiteNetwork loopback() {
        return new SiteNetwork() {
            @Override
            public String hostAddress() {
                return "127.0.0.1";
            }

            @Override
            public String siteAddress(String site) {
                return "127.0.0.1";
            }

            @Override
            public List<String> commandPrefix(String site) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
