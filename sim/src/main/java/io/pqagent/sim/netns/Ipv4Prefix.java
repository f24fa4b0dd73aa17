package io.pqagent.sim.netns;

import java.util.Optional;

/** An IPv4 prefix such as 10.213.7.0/24; a bare address is a /32. The network bits below the length are zero. */
record Ipv4Prefix(int network, int length) {
    Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is not in 0..32");
        }
        network &= mask(length);
    }

    /** {@code a.b.c.d} or {@code a.b.c.d/n}; empty for anything else (route keywords, IPv6, "default"). */
    static Optional<Ipv4Prefix> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        int length = 32;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (!bits.matches("[0-9]{1,2}") || Integer.parseInt(bits) > 32) {
                return Optional.empty();
            }
            length = Integer.parseInt(bits);
        }
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return Optional.empty();
            }
            value = (value << 8) | Integer.parseInt(octet);
        }
        return Optional.of(new Ipv4Prefix(value, length));
    }

    /** Whether the two share any address: the shorter prefix contains the other's network. */
    boolean overlaps(Ipv4Prefix other) {
        int common = mask(Math.min(length, other.length));
        return (network & common) == (other.network & common);
    }

    /** The address {@code host} within this prefix, dotted, e.g. host 1 of 10.213.7.0/24 is 10.213.7.1. */
    String address(int host) {
        if (host < 0 || host >= 1L << (32 - length)) {
            throw new IllegalArgumentException("host " + host + " is outside /" + length);
        }
        int a = network | host;
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    @Override
    public String toString() {
        return address(0) + "/" + length;
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }
}
