package io.pqagent.agent.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pqagent.agent.link.LinkState;
import io.pqagent.agent.link.LinkStatus;
import io.pqagent.agent.link.PeerLinks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The links as Prometheus sees them: per peer, whether the tunnel is up, bytes each way, ratchets,
 * tunnels opened and failed handshakes; and failed handshakes by reason. A scrape reads one status
 * snapshot, taken at most once a second.
 */
public final class LinkMetrics {
    private final PeerLinks links;
    private final MeterRegistry registry;
    private final Set<String> registered = new HashSet<>();
    private volatile List<LinkStatus> snapshot = List.of();
    private volatile long snapshotAt;

    public LinkMetrics(PeerLinks links, MeterRegistry registry) {
        this.links = links;
        this.registry = registry;
    }

    /** Counts a handshake that did not complete (the peer is null when a caller could not be named). */
    public void handshakeFailed(String peer, String why) {
        Counter.builder("qsmp_handshake_failures").description("Handshakes that did not complete, by reason")
                .tag("peer", peer == null ? "unknown" : peer).tag("reason", reasonCode(why))
                .register(registry).increment();
    }

    /** Registers meters for peers not seen before; call after each (re)configuration. */
    public synchronized void refresh() {
        for (LinkStatus s : status()) {
            if (registered.add(s.peer())) {
                String peer = s.peer();
                gauge("qsmp_tunnel_up", "1 while the peer's tunnel is established", peer,
                        st -> st.state() == LinkState.UP ? 1 : 0);
                counter("qsmp_tunnel_bytes_in", "Bytes received from the peer", peer, st -> st.bytesIn());
                counter("qsmp_tunnel_bytes_out", "Bytes sent to the peer", peer, st -> st.bytesOut());
                counter("qsmp_ratchets", "Ratchets completed with the peer", peer, st -> st.ratchets());
                counter("qsmp_tunnels_opened", "Tunnels established with the peer", peer, st -> st.tunnelsOpened());
            }
        }
    }

    private void gauge(String name, String help, String peer, ToDoubleFunction<LinkStatus> value) {
        Gauge.builder(name, this, m -> m.value(peer, value)).description(help).tag("peer", peer).register(registry);
    }

    private void counter(String name, String help, String peer, ToDoubleFunction<LinkStatus> value) {
        FunctionCounter.builder(name, this, m -> m.value(peer, value)).description(help).tag("peer", peer)
                .register(registry);
    }

    private double value(String peer, ToDoubleFunction<LinkStatus> f) {
        for (LinkStatus s : status()) {
            if (s.peer().equals(peer)) {
                return f.applyAsDouble(s);
            }
        }
        return 0;
    }

    private List<LinkStatus> status() {
        long now = System.nanoTime();
        if (now - snapshotAt > 1_000_000_000L) {
            snapshot = links.status();
            snapshotAt = now;
        }
        return snapshot;
    }

    /** The protocol error's name when the reason starts with one (e.g. key_unrecognized), else "io". */
    static String reasonCode(String why) {
        int colon = why.indexOf(' ');
        String head = colon > 0 ? why.substring(0, colon) : why;
        for (io.pqagent.qsmp.wire.QsmpError e : io.pqagent.qsmp.wire.QsmpError.values()) {
            if (e.name().equalsIgnoreCase(head)) {
                return e.name().toLowerCase();
            }
        }
        return "io";
    }
}
