package io.pqagent.sim.scenario;

import io.pqagent.agent.cli.AgentMain;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.agent.plant.LocalPlant;
import io.pqagent.agent.plant.ScratchDirectory;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.master.LatencyLog;
import io.pqagent.sim.master.MasterReport;
import io.pqagent.sim.master.MasterSettings;
import io.pqagent.sim.process.MasterProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a scenario with every part a process of its own: the directory ({@code qsmp-directory serve}), one
 * agent per site ({@code qsmp-agent run}), each stage's device ({@code qsmp-sim device}) and each master
 * ({@code qsmp-sim master}), on loopback or in a network namespace per site; every link through a
 * {@link LinkRelay} in this process so it can be cut. Then the traffic, the events at their times, a status
 * line, and the {@link Summary}. This process is the operator: it holds the record authority, signs
 * registrations and revocations, and runs the agents' own commands for ratchets and rotations.
 */
public final class ScenarioRunner {
    private static final long REVOCATION_CUTOFF_LIMIT_MILLIS = 5_000;
    private final Scenario scenario;
    private final RunOptions options;
    private final Map<String, Integer> listenPorts = new LinkedHashMap<>();
    private final Map<String, LinkRelay> relays = new LinkedHashMap<>();
    private final Map<String, AgentCounters> counters = new LinkedHashMap<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final Map<Protocol, LatencyLog> latency = new LinkedHashMap<>();
    private final List<FaultRecord> faults = new CopyOnWriteArrayList<>();
    private final List<String> gone = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private LocalPlant plant;
    private SiteNetwork network;
    private PlantParts parts;
    private Path dir;
    private long trafficStart;

    public ScenarioRunner(Scenario scenario, RunOptions options) {
        this.scenario = scenario;
        this.options = options;
        for (Protocol p : Protocol.values()) {
            latency.put(p, new LatencyLog(p.text()));
        }
    }

    /** Runs the scenario to its end and returns the summary (already printed). */
    public Summary run() throws Exception {
        dir = options.keep().isPresent() ? Files.createDirectories(options.keep().get())
                : Files.createTempDirectory("qsmp-sim");
        long began = System.nanoTime();
        ScheduledExecutorService events = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "scenario-events");
            t.setDaemon(true);
            return t;
        });
        network = options.namespaces() ? NamespaceSites.create(scenario.sites()) : SiteNetwork.loopback();
        try (SiteNetwork sites = network;
                LocalPlant p = LocalPlant.withDirectoryProcess(dir, ParameterSet.select(scenario.parameterSet(), true),
                        86_400, 2, network.hostAddress(), RunOptions.partJvm())) {
            plant = p;
            parts = new PlantParts(network, dir);
            startPlant();
            say(String.format(Locale.ROOT, "plant up in %.1f s: %d agents, %d tunnels, %d stages, %d masters%s; "
                    + "traffic for %s", (System.nanoTime() - began) / 1e9, scenario.sites().size(),
                    scenario.tunnels().size(), scenario.stages().size(), scenario.masters().size(),
                    options.namespaces() ? ", each site in a network namespace" : "", DurationText.of(scenario.duration())));
            trafficStart = System.nanoTime();
            for (Scenario.Event e : scenario.events()) {
                events.schedule(() -> inject(e, events), e.at().toMillis(), TimeUnit.MILLISECONDS);
            }
            watch(trafficStart + scenario.duration().toNanos());
            long trafficEnd = System.nanoTime();
            Map<String, MasterReport> reports = parts.stopMasters();
            Summary s = summarize((trafficEnd - trafficStart) / 1e9, reports);
            s.print(options.out());
            return s;
        } finally {
            events.shutdownNow();
            if (parts != null) {
                parts.close();
            }
            for (LinkRelay r : relays.values()) {
                r.close();
            }
            if (options.keep().isEmpty()) {
                ScratchDirectory.delete(dir);
            } else {
                options.out().println("configs, logs and audit logs kept in " + dir);
            }
        }
    }

    /**
     * The devices and the agents start side by side (the agents need only the devices' ports, chosen here);
     * the masters once every tunnel is up, so that traffic starts on a complete plant.
     */
    private void startPlant() throws Exception {
        List<Callable<Void>> starts = new ArrayList<>();
        for (Scenario.Stage s : scenario.stages()) {
            parts.reservePorts(s);
            starts.add(() -> {
                parts.startDevice(s);
                return null;
            });
        }
        starts.add(() -> {
            startAgents();
            return null;
        });
        PlantParts.sideBySide(starts);
        List<Callable<Void>> masterStarts = new ArrayList<>();
        for (Scenario.Master m : scenario.masters()) {
            masterStarts.add(() -> {
                startMaster(m);
                return null;
            });
        }
        PlantParts.sideBySide(masterStarts);
    }

    private void say(String line) {
        options.out().println(line);
        options.out().flush();
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** Of two sites the one whose name sorts first dials (the agent's DialRule). */
    private static boolean dials(String site, String peer) {
        return site.compareTo(peer) < 0;
    }

    private void startAgents() throws Exception {
        for (String site : scenario.sites()) {
            plant.enrol(site, 30, site);
            listenPorts.put(site, LocalPlant.freePort());
            counters.put(site, new AgentCounters());
        }
        for (List<String> t : scenario.tunnels()) {
            String listener = dials(t.get(0), t.get(1)) ? t.get(1) : t.get(0);
            relays.put(key(t.get(0), t.get(1)), new LinkRelay(network.hostAddress(),
                    new InetSocketAddress(network.siteAddress(listener), listenPorts.get(listener))));
        }
        for (Scenario.Service s : scenario.services()) {
            servicePorts.put(s.name(), LocalPlant.freePort());
        }
        for (String site : scenario.sites()) {
            plant.configure(site, network.siteAddress(site), listenPorts.get(site), agentYaml(site));
            plant.start(site, network.commandPrefix(site), options.agentJvm());
        }
        for (List<String> t : scenario.tunnels()) {
            String dialer = dials(t.get(0), t.get(1)) ? t.get(0) : t.get(1);
            String listener = dialer.equals(t.get(0)) ? t.get(1) : t.get(0);
            plant.awaitPeer(dialer, listener, true, Duration.ofSeconds(120));
            plant.awaitPeer(listener, dialer, true, Duration.ofSeconds(120));
        }
        sample();
    }

    private String agentYaml(String site) {
        StringBuilder y = new StringBuilder("log:\n  level: info\n  audit-log: audit.jsonl\npeer-defaults:\n");
        if (!scenario.ratchet().isEmpty()) {
            y.append("  ratchet:\n");
            scenario.ratchet().forEach((k, v) -> y.append("    ").append(k).append(": ").append(v).append('\n'));
        }
        y.append("  keep-alive:\n    interval: 2s\n    timeout: 6s\npeers:\n");
        for (List<String> t : scenario.tunnels()) {
            if (!t.contains(site)) {
                continue;
            }
            String peer = t.get(0).equals(site) ? t.get(1) : t.get(0);
            y.append("  - name: ").append(peer).append('\n');
            if (dials(site, peer)) {
                y.append("    address: ").append(network.hostAddress()).append(':')
                        .append(relays.get(key(site, peer)).port()).append('\n');
            }
        }
        StringBuilder services = new StringBuilder();
        StringBuilder expose = new StringBuilder();
        for (Scenario.Service s : scenario.services()) {
            Scenario.Stage stage = scenario.stage(s.stage()).orElseThrow();
            int target = parts.port(s.stage(), s.face());
            if (s.from().equals(site)) {
                services.append("  - name: ").append(s.name()).append("\n    peer: ").append(stage.site())
                        .append("\n    protocol: ").append(s.protocol()).append("\n    local: ")
                        .append(network.siteAddress(site)).append(':').append(servicePorts.get(s.name())).append("\n    target: 127.0.0.1:").append(target).append('\n');
            }
            if (stage.site().equals(site)) {
                expose.append("  - name: ").append(s.name()).append("\n    peer: ").append(s.from())
                        .append("\n    protocol: ").append(s.protocol()).append("\n    target: 127.0.0.1:").append(target)
                        .append('\n');
                s.policy().ifPresent(p -> expose.append("    policy:\n").append(p));
            }
        }
        if (services.length() > 0) {
            y.append("services:\n").append(services);
        }
        if (expose.length() > 0) {
            y.append("expose:\n").append(expose);
        }
        return y.toString();
    }

    /** A master runs at its service's site and reaches the stage through that site's agent. */
    private void startMaster(Scenario.Master m) throws Exception {
        Scenario.Service s = scenario.service(m.service()).orElseThrow();
        MasterSettings settings = new MasterSettings(m.name(), s.face(),
                new InetSocketAddress(network.siteAddress(s.from()), servicePorts.get(s.name())), m.slot(), m.rate(),
                m.writeEvery(), m.timeout());
        parts.startMaster(settings, scenario.stage(s.stage()).orElseThrow(), s.from(), latency.get(s.face()));
    }

    // ---- events ----

    private List<List<String>> tunnelsOf(String site) {
        return scenario.tunnels().stream().filter(t -> t.contains(site)).toList();
    }

    private List<String> mastersOn(List<List<String>> tunnels) {
        List<String> out = new ArrayList<>();
        for (Scenario.Master m : scenario.masters()) {
            Scenario.Service s = scenario.service(m.service()).orElseThrow();
            String far = scenario.stage(s.stage()).orElseThrow().site();
            if (tunnels.stream().anyMatch(t -> t.contains(s.from()) && t.contains(far))) {
                out.add(m.name());
            }
        }
        return out;
    }

    private void inject(Scenario.Event e, ScheduledExecutorService events) {
        FaultRecord r;
        try {
            if (e instanceof Scenario.Kill k) {
                r = record(e, tunnelsOf(k.site()), k.restartAfter().isPresent());
                plant.kill(k.site());
                counters.get(k.site()).restarted();
                if (k.restartAfter().isPresent()) {
                    events.schedule(() -> restart(k.site(), r), k.restartAfter().get().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    gone.add(k.site());
                }
            } else if (e instanceof Scenario.Cut c) {
                r = record(e, List.of(c.tunnel()), true);
                LinkRelay relay = relays.get(key(c.tunnel().get(0), c.tunnel().get(1)));
                relay.cut();
                events.schedule(() -> {
                    relay.restore();
                    r.clearedNanos = System.nanoTime();
                }, c.length().toMillis(), TimeUnit.MILLISECONDS);
            } else if (e instanceof Scenario.Revoke v) {
                r = record(e, tunnelsOf(v.site()), false);
                gone.add(v.site());
                for (FaultRecord earlier : faults) {
                    // a revoked site stays cut off: an earlier fault of it can no longer recover, by design
                    if (earlier != r && earlier.pending()
                            && earlier.tunnels.stream().allMatch(t -> t.contains(v.site()))) {
                        earlier.expectsRecovery = false;
                        earlier.note = "not recovered before the revocation; the revocation ends it";
                    }
                }
                plant.revoke(v.site());
            } else if (e instanceof Scenario.Rotate t) {
                r = record(e, tunnelsOf(t.site()), true);
                rotate(t.site(), r);
            } else if (e instanceof Scenario.Flood f) {
                List<List<String>> tunnels = f.service().map(s -> {
                    Scenario.Service svc = scenario.service(s).orElseThrow();
                    return List.of(List.of(svc.from(), scenario.stage(svc.stage()).orElseThrow().site()));
                }).orElseGet(() -> tunnelsOf(f.site().orElseThrow()));
                r = record(e, tunnels, true);
                InetSocketAddress target = f.service().map(name -> {
                    Scenario.Service svc = scenario.service(name).orElseThrow();
                    return new InetSocketAddress(network.siteAddress(svc.from()), servicePorts.get(name));
                }).orElseGet(() -> {
                    String site = f.site().orElseThrow();
                    return new InetSocketAddress(network.siteAddress(site), listenPorts.get(site));
                });
                r.note = new GarbageFlood().run(target, f.length().toMillis());
                r.clearedNanos = System.nanoTime();
            } else if (e instanceof Scenario.Ratchet t) {
                r = record(e, List.of(), false);
                var answer = ControlSocket.call(plant.socket(t.site()), ControlSocket.request("ratchet")
                        .put("peer", t.peer()).put("kind", t.asymmetric() ? "asymmetric" : "symmetric"));
                r.note = answer.path("ok").asBoolean() ? "done" : "refused: " + answer.path("error").asText();
            } else if (e instanceof Scenario.Probe pr) {
                r = record(e, List.of(), false);
                parts.master(pr.master()).requestProbe(pr.slot());
            }
        } catch (Exception ex) {
            FaultRecord failed = record(e, List.of(), false);
            failed.failure = "could not inject: " + ex.getMessage();
        }
    }

    private FaultRecord record(Scenario.Event e, List<List<String>> tunnels, boolean recovers) {
        FaultRecord r = new FaultRecord(e, tunnels, mastersOn(tunnels), recovers);
        r.startNanos = System.nanoTime();
        faults.add(r);
        return r;
    }

    private void restart(String site, FaultRecord r) {
        try {
            plant.start(site, network.commandPrefix(site), options.agentJvm());
            r.clearedNanos = System.nanoTime();
        } catch (IOException e) {
            r.failure = "restart failed: " + e.getMessage();
        }
    }

    /** The operator's steps of docs/agent.md "Identity rotation", run with qsmp-agent's own command code. */
    private void rotate(String site, FaultRecord r) throws Exception {
        String config = plant.configFile(site).toString();
        Path qpkey = plant.dir().resolve(site + "-next.qpkey");
        keys(site, "keys", "rotate", "--config", config, "--out", qpkey.toString());
        plant.register(site, KeyFiles.readQpkey(qpkey), site);
        keys(site, "keys", "rotate", "--config", config, "--published");
        keys(site, "keys", "rotate", "--config", config, "--retire");
        r.note = "new key " + plant.records().get(site).keyId();
        r.clearedNanos = System.nanoTime();
    }

    private static void keys(String site, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AgentMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IOException(site + ": qsmp-agent " + String.join(" ", args) + " exited " + code + ": "
                    + err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    // ---- watching ----

    private void sample() {
        for (String site : scenario.sites()) {
            Process p = plant.process(site);
            if (p == null || !p.isAlive()) {
                counters.get(site).down();
                continue;
            }
            try {
                counters.get(site).update(plant.status(site));
            } catch (IOException notAnswering) {
                counters.get(site).down();
            }
        }
    }

    private boolean up(List<String> t) {
        return counters.get(t.get(0)).up(t.get(1)) && counters.get(t.get(1)).up(t.get(0));
    }

    private void watch(long until) throws InterruptedException {
        long nextStatus = System.nanoTime();
        long hardEnd = until + scenario.recoveryTimeout().toNanos();
        while (true) {
            long now = System.nanoTime();
            sample();
            checkFaults(now);
            if (now >= nextStatus) {
                status(now);
                nextStatus = now + (options.liveStatus() ? 1_000_000_000L : 5_000_000_000L);
            }
            boolean pending = faults.stream().anyMatch(FaultRecord::pending);
            if (now >= until && (!pending || now >= hardEnd)) {
                break;
            }
            Thread.sleep(200);
        }
        if (options.liveStatus()) {
            options.out().println();
        }
    }

    private void checkFaults(long now) {
        for (FaultRecord r : faults) {
            if (r.event instanceof Scenario.Revoke && r.cutOffNanos == 0
                    && r.tunnels.stream().noneMatch(t -> peerSideUp(t, ((Scenario.Revoke) r.event).site()))) {
                r.cutOffNanos = now;
            }
            if (!r.pending() || r.clearedNanos == 0) {
                continue;
            }
            boolean tunnelsUp = r.tunnels.stream().allMatch(this::up);
            boolean mastersBack = r.masters.stream().allMatch(m -> parts.master(m).lastSuccessNanos() > r.clearedNanos);
            if (tunnelsUp && mastersBack) {
                r.recoveredNanos = now;
            } else if (now - r.clearedNanos > scenario.recoveryTimeout().toNanos()) {
                r.failure = "not recovered " + DurationText.of(scenario.recoveryTimeout()) + " after the fault ended ("
                        + (tunnelsUp ? "tunnels up, a master through them still failing" : "a tunnel still down") + ")";
            }
        }
    }

    /** Whether the other end of {@code t} still sees its tunnel to {@code site} up. */
    private boolean peerSideUp(List<String> t, String site) {
        String other = t.get(0).equals(site) ? t.get(1) : t.get(0);
        return counters.get(other).up(site);
    }

    private void status(long now) {
        long upCount = scenario.tunnels().stream().filter(this::up).count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[%5.1f s/%d s] tunnels %d/%d up |",
                (now - trafficStart) / 1e9, scenario.duration().toSeconds(), upCount, scenario.tunnels().size()));
        for (Map.Entry<Protocol, LatencyLog> e : latency.entrySet()) {
            if (e.getValue().count() > 0) {
                b.append(' ').append(e.getKey().text()).append(' ').append(e.getValue().count());
            }
        }
        long errors = parts.masters().stream().mapToLong(MasterProcess::errors).sum();
        long active = faults.stream().filter(FaultRecord::pending).count();
        b.append(" req | errors ").append(errors).append(" | events ").append(faults.size()).append('/')
                .append(scenario.events().size());
        if (active > 0) {
            b.append(", ").append(active).append(" recovering");
        }
        if (options.liveStatus()) {
            options.out().print("\r" + b + "   ");
        } else {
            options.out().println(b);
        }
        options.out().flush();
    }

    // ---- the summary ----

    private Summary summarize(double seconds, Map<String, MasterReport> reports) throws Exception {
        sample();
        List<String> broken = new ArrayList<>();
        long handshakes = 0;
        long failures = 0;
        long ratchets = 0;
        for (List<String> t : scenario.tunnels()) {
            String dialer = dials(t.get(0), t.get(1)) ? t.get(0) : t.get(1);
            String listener = dialer.equals(t.get(0)) ? t.get(1) : t.get(0);
            long[] d = counters.get(dialer).totals(listener);
            long[] l = counters.get(listener).totals(dialer);
            handshakes += d[0];
            failures += d[1] + l[1];
            ratchets += d[2];
            boolean expectedDown = gone.contains(t.get(0)) || gone.contains(t.get(1));
            if (!expectedDown && !up(t)) {
                broken.add("tunnel " + t.get(0) + " <-> " + t.get(1) + " is down at the end");
            }
        }
        List<Summary.ProtocolFigures> figures = new ArrayList<>();
        for (Map.Entry<Protocol, LatencyLog> e : latency.entrySet()) {
            e.getValue().sample().ifPresent(s -> figures.add(new Summary.ProtocolFigures(e.getKey().text(), s.count(),
                    s.p50() / 1e6, s.p99() / 1e6)));
        }
        long ack = 0;
        long refused = 0;
        long unknown = 0;
        long checks = 0;
        long updates = 0;
        long errors = 0;
        long denied = 0;
        for (Scenario.Master m : scenario.masters()) {
            MasterReport r = reports.get(m.name());
            if (r == null) {
                continue; // its process died: a part failure, below
            }
            ack += r.writesAcknowledged();
            refused += r.writesRefused();
            unknown += r.writesUnknown();
            checks += r.checks();
            updates += r.notifications();
            errors += r.errors();
            denied += r.probesDenied();
            r.violations().forEach(v -> broken.add("write consistency: " + v));
            // the final word on lost and duplicated writes is the stage's own count
            Scenario.Service s = scenario.service(m.service()).orElseThrow();
            // a device that no longer answers is a part failure; its count is then taken as consistent
            long count = parts.stageCount(s.stage(), m.slot()).orElse(r.writesAcknowledged());
            if (count < r.writesAcknowledged() || count > r.writesAcknowledged() + r.writesUnknown()) {
                broken.add(String.format(Locale.ROOT, "write consistency: %s: stage %s counts %d commands in slot %d, "
                        + "the master saw %d acknowledged and %d unanswered", m.name(), s.stage(), count, m.slot(),
                        r.writesAcknowledged(), r.writesUnknown()));
            }
            if (r.probesCarriedOut() > 0) {
                broken.add("policy: " + m.name() + " had " + r.probesCarriedOut() + " probe(s) carried out");
            }
            if (r.reconnects() > 0 || r.errors() > 0) {
                notes.add(m.name() + ": " + r.errors() + " failed cycles, " + r.reconnects() + " reconnects; last: "
                        + r.lastError());
            }
        }
        long probes = 0;
        for (FaultRecord f : faults) {
            if (f.event instanceof Scenario.Probe p) {
                probes++;
                Scenario.Service s = scenario.service(scenario.master(p.master()).orElseThrow().service()).orElseThrow();
                long reached = parts.stageCount(s.stage(), p.slot()).orElse(0);
                if (reached > 0) {
                    broken.add("policy: " + reached + " write(s) reached slot " + p.slot() + " of stage " + s.stage()
                            + ", which the policy forbids");
                }
            }
        }
        long answered = reports.values().stream()
                .mapToLong(r -> r.probesDenied() + r.probesCarriedOut() + r.probesFailed()).sum();
        if (answered < probes) {
            notes.add((probes - answered) + " probe(s) were never sent (their master was not connected)");
        }
        List<String> faultLines = new ArrayList<>();
        for (FaultRecord f : faults.stream().sorted(Comparator.comparingLong(x -> x.startNanos)).toList()) {
            faultLines.add(describe(f));
            if (!f.failure.isEmpty()) {
                broken.add(f.event.describe() + ": " + f.failure);
            }
            if (f.event instanceof Scenario.Revoke) {
                if (f.cutOffNanos == 0 || (f.cutOffNanos - f.startNanos) / 1_000_000 > REVOCATION_CUTOFF_LIMIT_MILLIS) {
                    broken.add(f.event.describe() + ": the peers did not cut it off within "
                            + REVOCATION_CUTOFF_LIMIT_MILLIS / 1000 + " s");
                }
            }
        }
        // a part that died leaves its checks undone: the run cannot claim its invariants held
        parts.failures().forEach(f -> broken.add("part: " + f));
        return new Summary(scenario.name(), seconds, scenario.sites().size(), scenario.stages().size(),
                scenario.masters().size(), handshakes, failures, ratchets, figures, updates, ack, refused, unknown, checks,
                probes, denied, countInAudits("_denied\""), faultLines, errors, countInLogs(" ERROR "), notes,
                broken);
    }

    private String describe(FaultRecord f) {
        String at = String.format(Locale.ROOT, "%5.1f s  %s", (f.startNanos - trafficStart) / 1e9, f.event.describe());
        StringBuilder b = new StringBuilder(at);
        if (f.event instanceof Scenario.Revoke) {
            b.append(f.cutOffNanos == 0 ? ": never cut off"
                    : String.format(Locale.ROOT, ": cut off after %.2f s", (f.cutOffNanos - f.startNanos) / 1e9));
        } else if (f.expectsRecovery && f.recoveredNanos > 0) {
            b.append(String.format(Locale.ROOT, ": recovered %.2f s after it ended", (f.recoveredNanos - f.clearedNanos) / 1e9));
        }
        if (!f.note.isEmpty()) {
            b.append(" (").append(f.note).append(')');
        }
        if (!f.failure.isEmpty()) {
            b.append(": ").append(f.failure);
        }
        return b.toString();
    }

    private long countInAudits(String needle) throws IOException {
        long n = 0;
        for (String site : scenario.sites()) {
            Path audit = plant.home(site).resolve("audit.jsonl");
            if (Files.exists(audit)) {
                try (Stream<String> lines = Files.lines(audit)) {
                    n += lines.filter(l -> l.contains(needle)).count();
                }
            }
        }
        return n;
    }

    private long countInLogs(String needle) throws IOException {
        long n = 0;
        for (String site : scenario.sites()) {
            Path log = plant.log(site);
            if (Files.exists(log)) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    n += lines.filter(l -> l.contains(needle)).count();
                }
            }
        }
        return n;
    }

}
