package io.pqagent.agent.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A TCP endpoint as written in the configuration: {@code host:port}, {@code [v6]:port}. The host is a
 * DNS name or an IP literal, checked for shape only: names are resolved when a connection is made, so a
 * name that does not resolve yet is not a configuration error.
 */
public record HostPort(String host, int port) {
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (!validHost(host)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or IP address");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException saying what is wrong, for use in a configuration error
     */
    public static HostPort parse(String text) {
        String host;
        String portText;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected [ipv6]:port, got '" + text + "'");
            }
            host = text.substring(1, close);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
            }
            portText = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("expected host:port (IPv6 in brackets), got '" + text + "'");
            }
            host = text.substring(0, colon);
            portText = text.substring(colon + 1);
        }
        return new HostPort(host, parsePort(portText));
    }

    /** A port as text: digits only, 1..65535. */
    static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a port number (1..65535)");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        return port;
    }

    /** True for the addresses that bind every interface, which clash with any other address on the same port. */
    public boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }

    private static boolean validHost(String host) {
        if (host.equals("*")) {
            return true;
        }
        if (host.contains(":")) {
            return IPV6.matcher(host).matches();
        }
        return DNS_NAME.matcher(host).matches();
    }

    /** The form {@link #parse} reads back. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
