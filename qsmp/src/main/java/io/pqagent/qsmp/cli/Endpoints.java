package io.pqagent.qsmp.cli;

import java.net.InetSocketAddress;

/** Socket addresses as operators write them: {@code 127.0.0.1:31118}, {@code [::1]:31118}. */
final class Endpoints {
    private Endpoints() {
    }

    static String show(InetSocketAddress address) {
        if (address == null) {
            return "(unknown)";
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
