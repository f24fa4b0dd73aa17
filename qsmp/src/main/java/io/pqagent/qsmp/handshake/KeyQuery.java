package io.pqagent.qsmp.handshake;

import java.net.SocketAddress;
import java.util.List;

/**
 * The Duplex server's {@code key_query} (QSMP-WIRE §8.4, profile rule 7). The key id on the wire is
 * the listener's own, so it cannot name the caller: the query returns the verification keys of every
 * peer that may be calling from {@code remoteAddress}, and the server tries each in turn.
 */
@FunctionalInterface
public interface KeyQuery {

    /**
     * @param keyId the 16-byte key id received in the connect request
     * @param remoteAddress the caller's address, or {@code null} when not on a socket
     * @return candidate client verification keys, possibly empty (then {@code key_unrecognized})
     */
    List<byte[]> candidates(byte[] keyId, SocketAddress remoteAddress);

    /** A query that knows exactly one peer. */
    static KeyQuery of(byte[] verificationKey) {
        byte[] copy = verificationKey.clone();
        return (kid, addr) -> List.of(copy);
    }
}
