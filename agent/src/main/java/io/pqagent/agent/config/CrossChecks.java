package io.pqagent.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The checks that look at several entries together: unique names, peers that exist, ports that do not clash. */
final class CrossChecks {
    /** A list entry with the key path it was read from, so a problem found later still names it. */
    record Located<T>(String path, T value) {
    }

    private final ConfigNode top;

    CrossChecks(ConfigNode top) {
        this.top = top;
    }

    static <T> List<T> values(List<Located<T>> entries) {
        return entries.stream().map(Located::value).toList();
    }

    void check(Optional<String> name, List<Located<PeerConfig>> peers, List<Located<ServiceConfig>> services,
            List<Located<ExposeConfig>> expose, Optional<HostPort> listen, Optional<MetricsConfig> metrics,
            Optional<PqsConfig> pqs) {
        Map<String, String> peerNames = new HashMap<>();
        for (Located<PeerConfig> p : peers) {
            String peer = p.value().name();
            if (name.isPresent() && name.get().equals(peer)) {
                top.problem(p.path() + ".name", "'" + peer + "' is this agent's own name");
            }
            first(peerNames, peer, p.path()).ifPresent(at ->
                    top.problem(p.path() + ".name", "duplicate peer name '" + peer + "' (also at " + at + ")"));
        }
        Map<String, String> serviceNames = new HashMap<>();
        for (Located<?> s : concat(services, expose)) {
            String service = s.value() instanceof ServiceConfig c ? c.name() : ((ExposeConfig) s.value()).name();
            first(serviceNames, service, s.path()).ifPresent(at ->
                    top.problem(s.path() + ".name", "duplicate service name '" + service + "' (also at " + at + ")"));
        }
        // with a broken peer entry, its name may be what a service refers to: do not add a misleading problem
        if (!top.reportedAt("peers")) {
            Set<String> known = new TreeSet<>(peerNames.keySet());
            services.forEach(s -> knownPeer(s.path(), s.value().peer(), known));
            expose.forEach(e -> knownPeer(e.path(), e.value().peer(), known));
        }
        Map<String, String> exposed = new HashMap<>();
        for (Located<ExposeConfig> e : expose) {
            String id = e.value().peer() + " " + e.value().target();
            first(exposed, id, e.path()).ifPresent(at -> top.problem(e.path() + ".target", e.value().target()
                    + " is already exposed to peer '" + e.value().peer() + "' at " + at));
        }
        checkPorts(services, listen, metrics, pqs);
    }

    private void knownPeer(String path, String peer, Set<String> known) {
        if (!known.contains(peer)) {
            top.problem(path + ".peer", "no peer named '" + peer + "' under peers"
                    + (known.isEmpty() ? " (none configured)" : " (configured: " + String.join(", ", known) + ")"));
        }
    }

    private void checkPorts(List<Located<ServiceConfig>> services, Optional<HostPort> listen,
            Optional<MetricsConfig> metrics, Optional<PqsConfig> pqs) {
        List<Located<HostPort>> binds = new ArrayList<>();
        listen.ifPresent(l -> binds.add(new Located<>("listen.port", l)));
        metrics.filter(MetricsConfig::enabled).ifPresent(m -> binds.add(new Located<>("metrics.port", m.listen())));
        if (listen.isPresent()) {
            pqs.filter(PqsConfig::enabled).ifPresent(p ->
                    binds.add(new Located<>("pqs.port", new HostPort(listen.get().host(), p.port()))));
        }
        services.forEach(s -> binds.add(new Located<>(s.path() + ".local", s.value().listen())));
        for (int i = 0; i < binds.size(); i++) {
            for (int j = 0; j < i; j++) {
                HostPort a = binds.get(j).value();
                HostPort b = binds.get(i).value();
                if (a.port() == b.port() && (a.host().equals(b.host()) || a.wildcard() || b.wildcard())) {
                    top.problem(binds.get(i).path(), b + " clashes with " + binds.get(j).path() + " (" + a + ")");
                    break;
                }
            }
        }
    }

    private static Optional<String> first(Map<String, String> seen, String id, String path) {
        return Optional.ofNullable(seen.putIfAbsent(id, path));
    }

    private static List<Located<?>> concat(List<? extends Located<?>> a, List<? extends Located<?>> b) {
        List<Located<?>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
