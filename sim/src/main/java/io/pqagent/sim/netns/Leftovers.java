package io.pqagent.sim.netns;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what earlier runs left behind (a killed runner's shutdown hook never ran): namespaces, host
 * veths and bridges named by {@link PlantNames} whose runner pid is no longer alive. Those of live
 * runners stay. A pid reused by an unrelated process keeps its leftovers until that process ends.
 */
final class Leftovers {
    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {
    }

    static void remove() throws IOException {
        for (String line : IpCommand.run("netns", "list").split("\\R")) {
            String name = line.trim().split("\\s+")[0]; // "NAME (id: 3)"
            if (isDead(PlantNames.namespaceOwner(name))) {
                delete("namespace", name, "netns", "del", name);
            }
        }
        // A veth pair dies with its namespace, but the kernel tears a namespace down a little later;
        // and a runner killed between making a pair and recording it may leave one.
        removeLinks("veth", PlantNames::hostVethOwner);
        removeLinks("bridge", PlantNames::bridgeOwner);
    }

    private static void removeLinks(String type, Function<String, OptionalLong> owner) throws IOException {
        for (String line : IpCommand.run("-o", "link", "show", "type", type).split("\\R")) {
            String[] tokens = line.trim().split("\\s+"); // "7: NAME@if2: <...> ..."
            if (tokens.length < 2) {
                continue;
            }
            String name = tokens[1].replaceFirst("@.*", "").replaceFirst(":$", "");
            if (isDead(owner.apply(name))) {
                delete(type, name, "link", "del", name);
            }
        }
    }

    private static boolean isDead(OptionalLong pid) {
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }

    private static void delete(String what, String name, String... ipArgs) throws IOException {
        try {
            IpCommand.run(ipArgs);
            LOG.info("removed leftover {} {} of an earlier run (its runner is gone)", what, name);
        } catch (IpCommandException e) {
            if (!e.reportsMissing()) { // another runner may clean up at the same time
                throw e;
            }
        }
    }
}
