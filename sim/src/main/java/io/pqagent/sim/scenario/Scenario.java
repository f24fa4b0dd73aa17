package io.pqagent.sim.scenario;

import io.pqagent.sim.device.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plant and what happens to it, as read from a scenario file (docs/sim.md).
 *
 * @param name            for the summary
 * @param duration        how long the masters run once every tunnel is up
 * @param parameterSet    the QSMP parameter set of every identity and tunnel
 * @param ratchet         the agents' {@code peer-defaults.ratchet} settings, verbatim (may be empty)
 * @param recoveryTimeout how long a tunnel may take to come back after a fault ends
 */
public record Scenario(String name, Duration duration, String parameterSet, Map<String, String> ratchet,
        Duration recoveryTimeout, List<String> sites, List<Stage> stages, List<List<String>> tunnels,
        List<Service> services, List<Master> masters, List<Event> events) {

    /** A simulated stage at a site, with the faces it serves. */
    public record Stage(String name, String site, int modbusUnit, int dnp3Address) {
    }

    /**
     * A forwarded service: masters at {@code from} reach face {@code face} of {@code stage} through the
     * tunnel to the stage's site; {@code protocol} is the agent's stream filter, {@code policy} the YAML
     * (already indented) of the expose entry's policy, if any.
     */
    public record Service(String name, String from, String stage, Protocol face, String protocol, Optional<String> policy) {
    }

    /** A master at its service's {@code from} site. */
    public record Master(String name, String service, int slot, double rate, int writeEvery, Duration timeout) {
    }

    /** Something that happens {@code at} after the traffic started. */
    public sealed interface Event permits Kill, Cut, Revoke, Rotate, Flood, Ratchet, Probe {
        Duration at();

        /** One line for the summary. */
        String describe();
    }

    /** {@code kill -9} of a site's agent, restarted after {@code restartAfter} (never, if empty). */
    public record Kill(Duration at, String site, Optional<Duration> restartAfter) implements Event {
        public String describe() {
            return "kill -9 " + site + restartAfter.map(d -> ", restart after " + DurationText.of(d)).orElse("");
        }
    }

    /** The link between two sites goes down for {@code length}: connections reset, new ones refused. */
    public record Cut(Duration at, List<String> tunnel, Duration length) implements Event {
        public String describe() {
            return "cut " + tunnel.get(0) + " <-> " + tunnel.get(1) + " for " + DurationText.of(length);
        }
    }

    /** The directory revokes a site's key: its peers must cut it off. */
    public record Revoke(Duration at, String site) implements Event {
        public String describe() {
            return "revoke " + site;
        }
    }

    /** A site rotates its identity: prepare, register, publish, retire the old key. */
    public record Rotate(Duration at, String site) implements Event {
        public String describe() {
            return "rotate the identity of " + site;
        }
    }

    /** Garbage bytes to a service's local port, or (service empty) a site's QSMP listener, for {@code length}. */
    public record Flood(Duration at, Optional<String> service, Optional<String> site, Duration length) implements Event {
        public String describe() {
            return "flood " + service.map(s -> "service " + s).orElse("listener of " + site.orElse("?")) + " with garbage for "
                    + DurationText.of(length);
        }
    }

    /** {@code qsmp-agent ratchet PEER [--asymmetric]} on a site. */
    public record Ratchet(Duration at, String site, String peer, boolean asymmetric) implements Event {
        public String describe() {
            return (asymmetric ? "asymmetric" : "symmetric") + " ratchet " + site + " -> " + peer;
        }
    }

    /** A master writes through {@code slot}, which the policy must refuse: an expected denial. */
    public record Probe(Duration at, String master, int slot) implements Event {
        public String describe() {
            return "policy probe: " + master + " writes slot " + slot;
        }
    }

    /**
     * The same scenario in {@code length} of traffic: every event's time, and the length of every
     * disruption, scaled by the same factor (disruptions last at least half a second).
     */
    public Scenario compressed(Duration length) {
        double f = (double) length.toMillis() / duration.toMillis();
        java.util.function.Function<Duration, Duration> at = d -> Duration.ofMillis(Math.round(d.toMillis() * f));
        java.util.function.Function<Duration, Duration> span = d -> Duration.ofMillis(Math.max(500, Math.round(d.toMillis() * f)));
        List<Event> scaled = new java.util.ArrayList<>();
        for (Event e : events) {
            if (e instanceof Kill k) {
                scaled.add(new Kill(at.apply(k.at()), k.site(), k.restartAfter().map(span)));
            } else if (e instanceof Cut c) {
                scaled.add(new Cut(at.apply(c.at()), c.tunnel(), span.apply(c.length())));
            } else if (e instanceof Revoke r) {
                scaled.add(new Revoke(at.apply(r.at()), r.site()));
            } else if (e instanceof Rotate r) {
                scaled.add(new Rotate(at.apply(r.at()), r.site()));
            } else if (e instanceof Flood fl) {
                scaled.add(new Flood(at.apply(fl.at()), fl.service(), fl.site(), span.apply(fl.length())));
            } else if (e instanceof Ratchet r) {
                scaled.add(new Ratchet(at.apply(r.at()), r.site(), r.peer(), r.asymmetric()));
            } else if (e instanceof Probe p) {
                scaled.add(new Probe(at.apply(p.at()), p.master(), p.slot()));
            }
        }
        return new Scenario(name, length, parameterSet, ratchet, recoveryTimeout, sites, stages, tunnels, services,
                masters, scaled);
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Master> master(String name) {
        return masters.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
