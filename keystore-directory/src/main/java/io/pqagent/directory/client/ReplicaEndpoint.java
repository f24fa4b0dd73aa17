package io.pqagent.directory.client;

import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.net.InetSocketAddress;
import java.util.Objects;

/** One directory replica an agent may use: where it listens and the Simplex key it must present. */
public record ReplicaEndpoint(InetSocketAddress address, PublicKeyRecord serverKey) {
    public ReplicaEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public String toString() {
        return address.getHostString() + ":" + address.getPort() + " (key id " + serverKey.keyId() + ")";
    }
}
