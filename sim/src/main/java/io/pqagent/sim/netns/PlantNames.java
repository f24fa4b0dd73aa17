package io.pqagent.sim.netns;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names one runner process gives its namespaces and interfaces. They carry the runner's pid in hex,
 * so a later run can tell leftovers of a dead runner from another live one, and a site's index, never
 * its scenario name (free text). Linux interface names hold at most 15 characters: with the largest pid
 * (pid_max ≤ 2^22 = 0x400000, 6 hex digits) and site 199, the longest, {@code pq400000h199}, has 12.
 */
record PlantNames(long pid) {
    /** The kernel's upper bound for pid_max (PID_MAX_LIMIT on 64-bit). */
    static final long MAX_PID = 0x400000;
    static final int MAX_INTERFACE_NAME = 15;

    private static final Pattern NAMESPACE = Pattern.compile("pqsim-([0-9a-f]{1,6})-([0-9]{1,3})");
    private static final Pattern BRIDGE = Pattern.compile("pqb([0-9a-f]{1,6})");
    private static final Pattern HOST_VETH = Pattern.compile("pq([0-9a-f]{1,6})h([0-9]{1,3})");

    PlantNames {
        if (pid < 1 || pid > MAX_PID) {
            throw new IllegalArgumentException("pid " + pid + " is not in 1.." + MAX_PID);
        }
    }

    private String hex() {
        return Long.toHexString(pid);
    }

    /** Site {@code index}'s namespace, e.g. {@code pqsim-1f2a-0}. */
    String namespace(int index) {
        return "pqsim-" + hex() + "-" + index;
    }

    /** The bridge in the root namespace, e.g. {@code pqb1f2a}. */
    String bridge() {
        return "pqb" + hex();
    }

    /** The root-namespace end of site {@code index}'s veth pair, e.g. {@code pq1f2ah0}; the other end is eth0. */
    String hostVeth(int index) {
        return "pq" + hex() + "h" + index;
    }

    /** The runner pid a namespace name carries, if it is one of ours. */
    static OptionalLong namespaceOwner(String name) {
        return owner(NAMESPACE.matcher(name));
    }

    /** The runner pid a bridge name carries, if it is one of ours. */
    static OptionalLong bridgeOwner(String name) {
        return owner(BRIDGE.matcher(name));
    }

    /** The runner pid a host-side veth name carries, if it is one of ours. */
    static OptionalLong hostVethOwner(String name) {
        return owner(HOST_VETH.matcher(name));
    }

    private static OptionalLong owner(Matcher m) {
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1), 16)) : OptionalLong.empty();
    }
}
