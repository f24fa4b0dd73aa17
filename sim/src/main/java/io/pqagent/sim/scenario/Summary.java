package io.pqagent.sim.scenario;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What a scenario run produced (docs/sim.md, "The summary"). It passed when no invariant broke.
 *
 * @param trafficSeconds   how long the masters ran
 * @param handshakes       tunnels opened (Duplex handshakes completed), counted on the dialing side
 * @param handshakeFailures handshakes that failed, both sides
 * @param ratchets         ratchets completed, counted on the dialing side (it starts them)
 * @param protocols        requests and round-trip percentiles per protocol
 * @param subscriptionUpdates OPC UA data changes the masters received
 * @param probes           expected denials: probes sent
 * @param denied           probes the masters saw refused
 * @param audited          denials the agents wrote to their audit logs
 * @param faults           one line per event: what, when, recovery
 * @param masterErrors     master cycles that failed (connection lost, timeouts), mostly during faults
 * @param agentLogErrors   ERROR lines in the agents' logs
 * @param broken           the invariants that broke; empty when the run passed
 */
public record Summary(String scenario, double trafficSeconds, int agents, int stages, int masters, long handshakes,
        long handshakeFailures, long ratchets, List<ProtocolFigures> protocols, long subscriptionUpdates,
        long writesAcknowledged, long writesRefused, long writesUnknown, long checks, long probes, long denied,
        long audited, List<String> faults, long masterErrors, long agentLogErrors, List<String> notes,
        List<String> broken) {

    public Summary {
        protocols = List.copyOf(protocols);
        faults = List.copyOf(faults);
        notes = List.copyOf(notes);
        broken = List.copyOf(broken);
    }

    /** Requests answered over one protocol and their round trips in milliseconds. */
    public record ProtocolFigures(String protocol, long requests, double p50Millis, double p99Millis) {
    }

    public boolean passed() {
        return broken.isEmpty();
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "== scenario %s: %.1f s of traffic, %d agents, %d stages, %d masters: %s%n", scenario,
                trafficSeconds, agents, stages, masters, passed() ? "PASSED" : "FAILED (" + broken.size() + " invariants broken)");
        out.printf(Locale.ROOT, "tunnels     %d handshakes, %d failed; %d ratchets%n", handshakes, handshakeFailures, ratchets);
        StringBuilder req = new StringBuilder();
        for (ProtocolFigures p : protocols) {
            req.append(String.format(Locale.ROOT, "%s %d (p50 %.2f ms, p99 %.2f ms)  ", p.protocol(), p.requests(),
                    p.p50Millis(), p.p99Millis()));
        }
        out.println("requests    " + req.toString().strip());
        if (subscriptionUpdates > 0) {
            out.println("            opcua subscription updates " + subscriptionUpdates);
        }
        out.printf(Locale.ROOT, "writes      %d acknowledged, %d refused, %d unanswered; %d count checks%n",
                writesAcknowledged, writesRefused, writesUnknown, checks);
        out.printf(Locale.ROOT, "denied      %d expected (probes), %d seen refused by the masters, %d in the agents' audit logs%n",
                probes, denied, audited);
        if (faults.isEmpty()) {
            out.println("events      none");
        }
        for (int i = 0; i < faults.size(); i++) {
            out.println((i == 0 ? "events      " : "            ") + faults.get(i));
        }
        out.printf(Locale.ROOT, "errors      %d failed master cycles, %d ERROR lines in agent logs%n", masterErrors,
                agentLogErrors);
        for (String n : notes) {
            out.println("            " + n);
        }
        if (passed()) {
            out.println("invariants  held: no lost or duplicated write, no request past the policy, every tunnel recovered");
        } else {
            for (int i = 0; i < broken.size(); i++) {
                out.println((i == 0 ? "BROKEN      " : "            ") + broken.get(i));
            }
        }
        out.flush();
    }
}
