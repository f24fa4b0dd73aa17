package io.pqagent.sim.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The /24 a plant network lives in: a 10.x.y.0/24 (x 213..254) that no address or route on the machine
 * touches. The search starts at a place derived from the runner's pid so that two runners starting at
 * the same moment rarely try the same one, and a claim is checked after the bridge holds its address,
 * in case another runner took the same /24 in between.
 */
final class PlantSubnet {
    private static final int FIRST_SECOND_OCTET = 213;
    private static final int CANDIDATES = (254 - FIRST_SECOND_OCTET + 1) * 256;
    private static final int CLAIM_ATTEMPTS = 8;

    /** One {@code inet} line of {@code ip -4 -o addr}: the device and its address with the prefix length. */
    record Assigned(String device, Ipv4Prefix prefix) {
    }

    private PlantSubnet() {
    }

    /**
     * Gives {@code bridge} host address .1 of a free /24 and returns that /24. The bridge must exist (on
     * failure the caller deletes it, and any address with it).
     */
    static Ipv4Prefix claim(String bridge, long pid) throws IOException {
        List<Ipv4Prefix> refused = new ArrayList<>();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            List<Ipv4Prefix> used = new ArrayList<>(refused);
            used.addAll(inUse(IpCommand.run("-4", "-o", "addr", "show"),
                    IpCommand.run("-4", "route", "show", "table", "all")));
            Ipv4Prefix subnet = firstFree(used, (int) (pid % 256)).orElseThrow(() -> new IOException(
                    "no free 10.x.y.0/24 (x " + FIRST_SECOND_OCTET + "..254) for the plant network: addresses or "
                            + "routes on this machine cover them all"));
            String host = subnet.address(1) + "/24";
            IpCommand.run("addr", "add", host, "dev", bridge);
            boolean taken = assigned(IpCommand.run("-4", "-o", "addr", "show")).stream()
                    .anyMatch(a -> !a.device().equals(bridge) && a.prefix().overlaps(subnet));
            if (!taken) {
                return subnet;
            }
            IpCommand.run("addr", "del", host, "dev", bridge);
            refused.add(subnet);
        }
        throw new IOException("could not claim a free 10.x.y.0/24 for the plant network in " + CLAIM_ATTEMPTS
                + " attempts: other interfaces took each one at the same time");
    }

    /** The first candidate from {@code start} on (wrapping) that overlaps nothing in {@code used}. */
    static Optional<Ipv4Prefix> firstFree(Collection<Ipv4Prefix> used, int start) {
        for (int i = 0; i < CANDIDATES; i++) {
            int k = Math.floorMod(start + i, CANDIDATES);
            int network = (10 << 24) | ((FIRST_SECOND_OCTET + k / 256) << 16) | ((k % 256) << 8);
            Ipv4Prefix candidate = new Ipv4Prefix(network, 24);
            if (used.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The prefixes in use, from {@code ip -4 -o addr show} (each address's network) and
     * {@code ip -4 route show table all} (each destination; the default route is left out, as it
     * covers everything).
     */
    static List<Ipv4Prefix> inUse(String addrOutput, String routeOutput) {
        List<Ipv4Prefix> used = new ArrayList<>();
        assigned(addrOutput).forEach(a -> used.add(a.prefix()));
        for (String line : routeOutput.split("\\R")) {
            String[] tokens = line.trim().split("\\s+");
            // a destination comes first, or second after a route type such as local, broadcast, unreachable
            for (int i = 0; i < Math.min(2, tokens.length) && !tokens[i].equals("default"); i++) {
                Optional<Ipv4Prefix> prefix = Ipv4Prefix.parse(tokens[i]);
                if (prefix.isPresent()) {
                    used.add(prefix.get());
                    break;
                }
            }
        }
        return used;
    }

    /** The {@code inet} entries of {@code ip -4 -o addr show}. */
    static List<Assigned> assigned(String addrOutput) {
        List<Assigned> result = new ArrayList<>();
        for (String line : addrOutput.split("\\R")) {
            String[] tokens = line.trim().split("\\s+");
            for (int i = 2; i + 1 < tokens.length; i++) {
                if (tokens[i].equals("inet")) {
                    String device = tokens[1].replaceFirst("@.*", "").replaceFirst(":$", "");
                    Ipv4Prefix.parse(tokens[i + 1]).ifPresent(p -> result.add(new Assigned(device, p)));
                    break;
                }
            }
        }
        return result;
    }
}
