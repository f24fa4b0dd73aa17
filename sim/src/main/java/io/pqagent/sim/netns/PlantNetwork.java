package io.pqagent.sim.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plant's sites in Linux network namespaces, one per site, on one L2 segment: a bridge in the root
 * namespace holds {@link #hostAddress()} (.1 of a free 10.x.y.0/24), and each site has a veth pair, one
 * end on the bridge, the other its namespace's {@code eth0} with {@link #address(String)} (.10, .11, ...
 * in the sites' order); {@code lo} is up in every namespace. A site's own loopback is its own: what it
 * binds to 127.0.0.1 is reachable neither from other sites nor from the root namespace. Path-based Unix
 * sockets (the file system is shared) cross namespaces; abstract ones do not.
 *
 * <p>Names carry the runner's pid ({@link PlantNames}), so one process has at most one plant network
 * open at a time, and {@link #create} first removes the leftovers of runners that died without closing
 * theirs ({@link Leftovers}). A shutdown hook closes the network when the JVM exits without
 * {@link #close()} (Ctrl-C, {@code System.exit}); a {@code kill -9} leaves it to the next run's cleanup.
 *
 * <p>Firewalls: traffic between a site and the host address is local traffic of the root namespace
 * (iptables INPUT/OUTPUT, as for any interface). Traffic between two sites is bridged; where
 * {@code br_netfilter} is loaded and {@code net.bridge.bridge-nf-call-iptables} is 1 (its default; so
 * on the machine this was written on, which has no iptables tables loaded, and sites talk fine) bridged
 * IPv4 also passes the root namespace's FORWARD chain, and a host whose FORWARD policy is DROP (Docker
 * sets that) drops it. This class changes no firewall or sysctl; the scenario runner's links run through relays on
 * the host address, which only meet INPUT/OUTPUT. ip_forward is not needed (one L2 segment).
 */
public final class PlantNetwork implements AutoCloseable {
    /** Sites get .10 to .209 of the /24. */
    static final int MAX_SITES = 200;
    private static final int FIRST_SITE_HOST = 10;
    /** Names carry the pid: a second open network in this process would collide with the first. */
    private static final AtomicBoolean OPEN = new AtomicBoolean();

    private final PlantNames names;
    private final Ipv4Prefix subnet;
    private final Map<String, Integer> sites;
    private final Teardown teardown;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PlantNetwork(PlantNames names, Ipv4Prefix subnet, Map<String, Integer> sites, Teardown teardown,
            Thread shutdownHook) {
        this.names = names;
        this.subnet = subnet;
        this.sites = sites;
        this.teardown = teardown;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Empty when this process can build a plant network (Linux, running as root (uid 0), {@code ip} from
     * iproute2 runnable); else the reason, one line, e.g. "network namespaces need root (uid 0); this
     * runs as uid 1000".
     */
    public static Optional<String> unavailableReason() {
        String os = System.getProperty("os.name", "unknown");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("network namespaces need Linux; this is " + os);
        }
        long uid;
        try {
            uid = effectiveUid();
        } catch (IOException e) {
            return Optional.of("cannot tell this process's uid from /proc/self/status: " + e.getMessage());
        }
        if (uid != 0) {
            return Optional.of("network namespaces need root (uid 0); this runs as uid " + uid);
        }
        try {
            IpCommand.run("netns", "list");
        } catch (IOException e) {
            return Optional.of("`ip` from iproute2 (with netns support) is not runnable: "
                    + IpCommandException.oneLine(e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * One namespace per site (indexes in the given order; the names are scenario text and appear in no
     * namespace or interface name), a bridge holding {@link #hostAddress()}, and per site a veth pair with
     * the site's end renamed eth0 in its namespace, {@link #address(String)}/24, up; lo up everywhere.
     * First removes the leftovers of dead runners. On any failure, undoes what it made and throws an
     * IOException naming the {@code ip} command and its stderr.
     *
     * @throws IllegalArgumentException no sites, more than 200, a null or duplicate name
     *         (nothing is touched then)
     * @throws IllegalStateException this process has a plant network open already
     */
    public static PlantNetwork create(List<String> sites) throws IOException {
        Map<String, Integer> index = indexes(sites);
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new IOException(unavailable.get());
        }
        if (!OPEN.compareAndSet(false, true)) {
            throw new IllegalStateException("this process has a plant network open already (the names carry the pid)");
        }
        PlantNames names = new PlantNames(ProcessHandle.current().pid());
        Teardown teardown = new Teardown();
        Thread hook = new Thread(teardown::run, "plant-network-teardown");
        try {
            Leftovers.remove();
            Runtime.getRuntime().addShutdownHook(hook);
            Ipv4Prefix subnet = build(names, index.size(), teardown);
            return new PlantNetwork(names, subnet, index, teardown, hook);
        } catch (IOException | RuntimeException | Error e) {
            teardown.run();
            removeHook(hook);
            OPEN.set(false);
            throw e;
        }
    }

    private static Map<String, Integer> indexes(List<String> sites) {
        Objects.requireNonNull(sites, "sites");
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a plant network needs at least one site");
        }
        if (sites.size() > MAX_SITES) {
            throw new IllegalArgumentException("a plant network holds at most " + MAX_SITES + " sites, not "
                    + sites.size());
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String site : sites) {
            if (site == null) {
                throw new IllegalArgumentException("site " + index.size() + " has no name");
            }
            if (index.putIfAbsent(site, index.size()) != null) {
                throw new IllegalArgumentException("site '" + site + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private static Ipv4Prefix build(PlantNames names, int siteCount, Teardown teardown) throws IOException {
        String bridge = names.bridge();
        IpCommand.run("link", "add", "name", bridge, "type", "bridge");
        teardown.push("link", "del", bridge);
        Ipv4Prefix subnet = PlantSubnet.claim(bridge, names.pid());
        IpCommand.run("link", "set", bridge, "up");
        for (int i = 0; i < siteCount; i++) {
            String ns = names.namespace(i);
            IpCommand.run("netns", "add", ns);
            teardown.push("netns", "del", ns);
            // The site's end is made inside its namespace, already named eth0: no temporary name in the
            // root namespace, nothing to move or rename.
            String veth = names.hostVeth(i);
            IpCommand.run("link", "add", veth, "master", bridge, "up", "type", "veth", "peer", "name", "eth0",
                    "netns", ns);
            // Deleting one end deletes the pair at once; the namespace's own teardown is asynchronous.
            teardown.push("link", "del", veth);
            IpCommand.run("-n", ns, "addr", "add", subnet.address(FIRST_SITE_HOST + i) + "/24", "dev", "eth0");
            IpCommand.run("-n", ns, "link", "set", "eth0", "up");
            IpCommand.run("-n", ns, "link", "set", "lo", "up");
        }
        return subnet;
    }

    /** The bridge's IPv4 address, e.g. "10.213.7.1": the runner binds relays and the directory there. */
    public String hostAddress() {
        return subnet.address(1);
    }

    /** The site's IPv4 address on the bridge (its eth0). */
    public String address(String site) {
        return subnet.address(FIRST_SITE_HOST + indexOf(site));
    }

    /** The site's namespace name, e.g. "pqsim-1f2a-0". */
    public String namespace(String site) {
        return names.namespace(indexOf(site));
    }

    /** {@code [ip, netns, exec, NAMESPACE]}: put before a child process's command line to run it in the site's namespace. */
    public List<String> commandPrefix(String site) {
        return List.of("ip", "netns", "exec", namespace(site));
    }

    /** The bridge's name in the root namespace (for tests and diagnostics). */
    String bridge() {
        return names.bridge();
    }

    /**
     * Deletes the veth pairs, the namespaces and the bridge. Idempotent, never throws: what is already
     * gone is ignored, other failures are logged. Processes still running in a namespace keep it alive
     * (cut off: their eth0 is gone) until they end.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeHook(shutdownHook);
        teardown.run();
        OPEN.set(false);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs (or runs this) anyway
        }
    }

    private int indexOf(String site) {
        Integer i = sites.get(site);
        if (i == null) {
            throw new IllegalArgumentException("no site '" + site + "' in this plant network");
        }
        return i;
    }

    /** The effective uid (second field of the "Uid:" line); Java has no portable call for it. */
    private static long effectiveUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Uid:")) {
                String[] fields = line.substring(4).trim().split("\\s+");
                if (fields.length >= 2 && fields[1].matches("[0-9]+")) {
                    return Long.parseLong(fields[1]);
                }
            }
        }
        throw new IOException("no Uid: line");
    }

    @Override
    public String toString() {
        return "PlantNetwork[" + subnet + ", " + sites.size() + " sites]";
    }
}
