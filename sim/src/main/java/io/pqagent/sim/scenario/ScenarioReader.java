package io.pqagent.sim.scenario;

import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.plant.CommandSlots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a scenario file. Unknown keys, missing required keys, wrong types, names that refer to nothing
 * and events that cannot happen are errors that name the file and the key ({@code masters[2].slot}).
 */
public final class ScenarioReader {
    private static final Set<String> EVENT_KINDS = Set.of("kill", "cut", "revoke", "rotate", "flood", "ratchet", "probe");
    private final String source;

    private ScenarioReader(String source) {
        this.source = source;
    }

    public static Scenario read(Path file) throws ScenarioException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The built-in default scenario (docs/sim.md), from the class path. */
    public static Scenario builtIn(String name) throws ScenarioException {
        String resource = "/io/pqagent/sim/scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException("no built-in scenario '" + name + "'");
            }
            return parse("built-in " + name + ".yaml", in);
        } catch (IOException e) {
            throw new ScenarioException(resource + ": " + e.getMessage());
        }
    }

    public static Scenario parse(String source, InputStream in) throws ScenarioException {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (YAMLException e) {
            throw new ScenarioException(source + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ScenarioReader reader = new ScenarioReader(source);
        return reader.scenario(reader.map(root, "(top level)"));
    }

    private ScenarioException error(String key, String what) {
        return new ScenarioException(source + ": " + key + ": " + what);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o, String key) throws ScenarioException {
        if (!(o instanceof Map)) {
            throw error(key, "expected a mapping");
        }
        return (Map<String, Object>) o;
    }

    private List<?> list(Map<String, Object> m, String key, String path, boolean required) throws ScenarioException {
        Object o = m.get(key);
        if (o == null) {
            if (required) {
                throw error(path + key, "missing");
            }
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw error(path + key, "expected a list");
        }
        return l;
    }

    private void onlyKeys(Map<String, Object> m, String path, String... allowed) throws ScenarioException {
        Set<String> ok = Set.of(allowed);
        for (String k : m.keySet()) {
            if (!ok.contains(k)) {
                throw error(path + k, "unknown key (" + String.join(", ", allowed) + ")");
            }
        }
    }

    private String text(Map<String, Object> m, String key, String path, String fallback) throws ScenarioException {
        Object o = m.get(key);
        if (o == null) {
            if (fallback == null) {
                throw error(path + key, "missing");
            }
            return fallback;
        }
        if (o instanceof Map || o instanceof List) {
            throw error(path + key, "expected a single value");
        }
        return o.toString();
    }

    private String name(Map<String, Object> m, String key, String path) throws ScenarioException {
        String n = text(m, key, path, null);
        if (!n.matches("[a-z0-9][a-z0-9.-]{0,62}")) {
            throw error(path + key, "'" + n + "' is not a name (lower-case letters, digits, '.', '-')");
        }
        return n;
    }

    private long integer(Map<String, Object> m, String key, String path, long fallback, long min, long max)
            throws ScenarioException {
        Object o = m.get(key);
        if (o == null) {
            return fallback;
        }
        if (!(o instanceof Integer || o instanceof Long)) {
            throw error(path + key, "'" + o + "' is not a whole number");
        }
        long v = ((Number) o).longValue();
        if (v < min || v > max) {
            throw error(path + key, v + " is not in " + min + ".." + max);
        }
        return v;
    }

    private double number(Map<String, Object> m, String key, String path, double fallback) throws ScenarioException {
        Object o = m.get(key);
        if (o == null) {
            return fallback;
        }
        if (!(o instanceof Number n)) {
            throw error(path + key, "'" + o + "' is not a number");
        }
        return n.doubleValue();
    }

    private Duration duration(Map<String, Object> m, String key, String path, Duration fallback) throws ScenarioException {
        Object o = m.get(key);
        if (o == null) {
            if (fallback == null) {
                throw error(path + key, "missing");
            }
            return fallback;
        }
        try {
            return DurationText.parse(o.toString());
        } catch (IllegalArgumentException e) {
            throw error(path + key, e.getMessage());
        }
    }

    private Scenario scenario(Map<String, Object> top) throws ScenarioException {
        onlyKeys(top, "", "name", "duration", "parameter-set", "ratchet", "recovery-timeout", "sites", "stages", "tunnels",
                "services", "masters", "events");
        String name = text(top, "name", "", null);
        Duration duration = duration(top, "duration", "", null);
        if (duration.toMillis() < 1000) {
            throw error("duration", "at least 1s");
        }
        String set = text(top, "parameter-set", "", "dilithium-s1_kyber-s1_sha3_rcs");
        Map<String, String> ratchet = new LinkedHashMap<>();
        if (top.get("ratchet") != null) {
            Map<String, Object> r = map(top.get("ratchet"), "ratchet");
            onlyKeys(r, "ratchet.", "symmetric-after", "symmetric-after-bytes", "asymmetric-every");
            for (Map.Entry<String, Object> e : r.entrySet()) {
                ratchet.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        Duration recovery = duration(top, "recovery-timeout", "", Duration.ofSeconds(30));

        List<String> sites = new ArrayList<>();
        List<?> siteList = list(top, "sites", "", true);
        for (int i = 0; i < siteList.size(); i++) {
            Map<String, Object> s = map(siteList.get(i), "sites[" + i + "]");
            onlyKeys(s, "sites[" + i + "].", "name");
            String n = name(s, "name", "sites[" + i + "].");
            if (sites.contains(n)) {
                throw error("sites[" + i + "].name", "'" + n + "' twice");
            }
            sites.add(n);
        }
        if (sites.size() < 2) {
            throw error("sites", "at least two sites (one tunnel)");
        }

        List<Scenario.Stage> stages = new ArrayList<>();
        List<?> stageList = list(top, "stages", "", true);
        for (int i = 0; i < stageList.size(); i++) {
            String p = "stages[" + i + "].";
            Map<String, Object> s = map(stageList.get(i), p);
            onlyKeys(s, p, "name", "site", "modbus-unit", "dnp3-address");
            String site = name(s, "site", p);
            if (!sites.contains(site)) {
                throw error(p + "site", "no site '" + site + "'");
            }
            stages.add(new Scenario.Stage(name(s, "name", p), site, (int) integer(s, "modbus-unit", p, 1, 0, 255),
                    (int) integer(s, "dnp3-address", p, 10, 0, 0xFFEF)));
        }

        List<List<String>> tunnels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<?> tunnelList = list(top, "tunnels", "", true);
        for (int i = 0; i < tunnelList.size(); i++) {
            tunnels.add(pair(tunnelList.get(i), "tunnels[" + i + "]", sites));
            if (!seen.add(String.join("|", tunnels.get(i).stream().sorted().toList()))) {
                throw error("tunnels[" + i + "]", "the same two sites twice (one tunnel per pair of agents)");
            }
        }

        List<Scenario.Service> services = new ArrayList<>();
        List<?> serviceList = list(top, "services", "", false);
        for (int i = 0; i < serviceList.size(); i++) {
            String p = "services[" + i + "].";
            Map<String, Object> s = map(serviceList.get(i), p);
            onlyKeys(s, p, "name", "from", "stage", "face", "protocol", "policy");
            String from = name(s, "from", p);
            String stageName = name(s, "stage", p);
            Scenario.Stage stage = stages.stream().filter(x -> x.name().equals(stageName)).findFirst()
                    .orElseThrow(() -> error(p + "stage", "no stage '" + stageName + "'"));
            if (!sites.contains(from)) {
                throw error(p + "from", "no site '" + from + "'");
            }
            if (!seen.contains(String.join("|", List.of(from, stage.site()).stream().sorted().toList()))) {
                throw error(p + "from", "no tunnel between " + from + " and " + stage.site() + " (the stage's site)");
            }
            Protocol face;
            try {
                face = Protocol.parse(text(s, "face", p, null));
            } catch (IllegalArgumentException e) {
                throw error(p + "face", e.getMessage());
            }
            String protocol = text(s, "protocol", p, face.text());
            if (!List.of("raw", "modbus", "dnp3", "opcua").contains(protocol)) {
                throw error(p + "protocol", "'" + protocol + "' is not raw, modbus, dnp3 or opcua");
            }
            if (!protocol.equals("raw") && !protocol.equals(face.text())) {
                throw error(p + "protocol", "a " + face.text() + " face needs protocol " + face.text() + " or raw");
            }
            Optional<String> policy = Optional.empty();
            if (s.get("policy") != null) {
                policy = Optional.of(yamlBlock(map(s.get("policy"), p + "policy"), "      "));
            }
            services.add(new Scenario.Service(name(s, "name", p), from, stageName, face, protocol, policy));
        }

        List<Scenario.Master> masters = new ArrayList<>();
        List<?> masterList = list(top, "masters", "", false);
        for (int i = 0; i < masterList.size(); i++) {
            String p = "masters[" + i + "].";
            Map<String, Object> m = map(masterList.get(i), p);
            onlyKeys(m, p, "name", "service", "slot", "rate", "write-every", "timeout");
            String service = name(m, "service", p);
            Scenario.Service svc = services.stream().filter(x -> x.name().equals(service)).findFirst()
                    .orElseThrow(() -> error(p + "service", "no service '" + service + "'"));
            int slot = (int) integer(m, "slot", p, -1, 0, CommandSlots.COUNT - 1);
            if (slot < 0) {
                throw error(p + "slot", "missing");
            }
            for (Scenario.Master other : masters) {
                if (other.slot() == slot && services.stream().filter(x -> x.name().equals(other.service()))
                        .anyMatch(x -> x.stage().equals(svc.stage()))) {
                    throw error(p + "slot", "slot " + slot + " of stage " + svc.stage() + " is already master "
                            + other.name() + "'s (each master counts its own writes)");
                }
            }
            double rate = number(m, "rate", p, 5);
            if (!(rate > 0 && rate <= 200)) {
                throw error(p + "rate", rate + " is not in (0, 200] cycles per second");
            }
            masters.add(new Scenario.Master(name(m, "name", p), service, slot, rate,
                    (int) integer(m, "write-every", p, 5, 0, 1_000_000), duration(m, "timeout", p, Duration.ofSeconds(2))));
        }

        List<Scenario.Event> events = new ArrayList<>();
        List<?> eventList = list(top, "events", "", false);
        for (int i = 0; i < eventList.size(); i++) {
            events.add(event(map(eventList.get(i), "events[" + i + "]"), "events[" + i + "].", sites, tunnels, services,
                    masters, duration));
        }
        return new Scenario(name, duration, set, ratchet, recovery, sites, stages, tunnels, services, masters, events);
    }

    private List<String> pair(Object o, String key, List<String> sites) throws ScenarioException {
        if (!(o instanceof List<?> l) || l.size() != 2) {
            throw error(key, "expected two site names, e.g. [control-centre, substation-a]");
        }
        List<String> out = List.of(l.get(0).toString(), l.get(1).toString());
        for (String s : out) {
            if (!sites.contains(s)) {
                throw error(key, "no site '" + s + "'");
            }
        }
        if (out.get(0).equals(out.get(1))) {
            throw error(key, "a site cannot tunnel to itself");
        }
        return out;
    }

    private Scenario.Event event(Map<String, Object> e, String p, List<String> sites, List<List<String>> tunnels,
            List<Scenario.Service> services, List<Scenario.Master> masters, Duration length) throws ScenarioException {
        Duration at = duration(e, "at", p, null);
        if (at.compareTo(length) >= 0) {
            throw error(p + "at", "after the scenario's end (" + DurationText.of(length) + ")");
        }
        List<String> kinds = e.keySet().stream().filter(EVENT_KINDS::contains).toList();
        if (kinds.size() != 1) {
            throw error(p.substring(0, p.length() - 1), "needs exactly one of " + String.join(", ", EVENT_KINDS.stream()
                    .sorted().toList()) + " besides 'at'");
        }
        String kind = kinds.get(0);
        switch (kind) {
            case "kill": {
                onlyKeys(e, p, "at", "kill", "restart-after");
                String site = site(e, "kill", p, sites);
                Optional<Duration> restart = e.get("restart-after") == null ? Optional.empty()
                        : Optional.of(duration(e, "restart-after", p, null));
                return new Scenario.Kill(at, site, restart);
            }
            case "revoke":
                onlyKeys(e, p, "at", "revoke");
                return new Scenario.Revoke(at, site(e, "revoke", p, sites));
            case "rotate":
                onlyKeys(e, p, "at", "rotate");
                return new Scenario.Rotate(at, site(e, "rotate", p, sites));
            case "cut": {
                onlyKeys(e, p, "at", "cut", "for");
                List<String> pair = pair(e.get("cut"), p + "cut", sites);
                if (tunnels.stream().noneMatch(t -> new HashSet<>(t).equals(new HashSet<>(pair)))) {
                    throw error(p + "cut", "no tunnel between " + pair.get(0) + " and " + pair.get(1));
                }
                return new Scenario.Cut(at, pair, duration(e, "for", p, null));
            }
            case "flood": {
                onlyKeys(e, p, "at", "flood", "for");
                Map<String, Object> f = map(e.get("flood"), p + "flood");
                onlyKeys(f, p + "flood.", "service", "site");
                if ((f.get("service") == null) == (f.get("site") == null)) {
                    throw error(p + "flood", "give either service (its local port) or site (its QSMP listener)");
                }
                Optional<String> service = Optional.ofNullable((String) f.get("service"));
                if (service.isPresent() && services.stream().noneMatch(s -> s.name().equals(service.get()))) {
                    throw error(p + "flood.service", "no service '" + service.get() + "'");
                }
                Optional<String> site = f.get("site") == null ? Optional.empty() : Optional.of(site(f, "site", p + "flood.", sites));
                return new Scenario.Flood(at, service, site, duration(e, "for", p, null));
            }
            case "ratchet": {
                onlyKeys(e, p, "at", "ratchet", "peer", "asymmetric");
                String site = site(e, "ratchet", p, sites);
                String peer = site(e, "peer", p, sites);
                if (tunnels.stream().noneMatch(t -> t.contains(site) && t.contains(peer))) {
                    throw error(p + "peer", "no tunnel between " + site + " and " + peer);
                }
                return new Scenario.Ratchet(at, site, peer, Boolean.parseBoolean(text(e, "asymmetric", p, "false")));
            }
            default: {
                onlyKeys(e, p, "at", "probe", "slot");
                String master = text(e, "probe", p, null);
                Scenario.Master m = masters.stream().filter(x -> x.name().equals(master)).findFirst()
                        .orElseThrow(() -> error(p + "probe", "no master '" + master + "'"));
                int slot = (int) integer(e, "slot", p, CommandSlots.COUNT - 1, 0, CommandSlots.COUNT - 1);
                String stage = services.stream().filter(s -> s.name().equals(m.service())).findFirst().orElseThrow().stage();
                for (Scenario.Master other : masters) {
                    String otherStage = services.stream().filter(s -> s.name().equals(other.service())).findFirst()
                            .orElseThrow().stage();
                    if (otherStage.equals(stage) && other.slot() == slot) {
                        throw error(p + "slot", "slot " + slot + " is master " + other.name()
                                + "'s; a probe needs a slot no master uses (its count must stay 0)");
                    }
                }
                return new Scenario.Probe(at, master, slot);
            }
        }
    }

    private String site(Map<String, Object> m, String key, String p, List<String> sites) throws ScenarioException {
        String s = text(m, key, p, null);
        if (!sites.contains(s)) {
            throw error(p + key, "no site '" + s + "'");
        }
        return s;
    }

    /** {@code m} as block YAML, every line indented by {@code indent}. */
    private static String yamlBlock(Map<String, Object> m, String indent) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        String text = new Yaml(o).dump(m);
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                b.append(indent).append(line).append('\n');
            }
        }
        return b.toString();
    }
}
