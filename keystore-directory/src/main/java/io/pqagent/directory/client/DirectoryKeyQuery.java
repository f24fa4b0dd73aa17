package io.pqagent.directory.client;

import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.qsmp.handshake.KeyQuery;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The Duplex listener's {@code key_query} (profile rule 7) over the verified cache: the candidates are
 * the active, unexpired keys of the configured peers that may call from the remote address — both keys
 * of a peer while it rotates its identity. Revoked and expired keys are never candidates.
 */
public final class DirectoryKeyQuery implements KeyQuery {
    private final RecordCache cache;
    private final Function<SocketAddress, Set<String>> peersAt;

    /** @param peersAt the owner names of configured peers that may call from an address (all, if unknown) */
    public DirectoryKeyQuery(RecordCache cache, Function<SocketAddress, Set<String>> peersAt) {
        this.cache = cache;
        this.peersAt = peersAt;
    }

    public static DirectoryKeyQuery forPeers(RecordCache cache, Set<String> owners) {
        Set<String> copy = Set.copyOf(owners);
        return new DirectoryKeyQuery(cache, addr -> copy);
    }

    @Override
    public List<byte[]> candidates(byte[] keyId, SocketAddress remoteAddress) {
        List<byte[]> out = new ArrayList<>();
        for (DirectoryRecord r : cache.usable(peersAt.apply(remoteAddress))) {
            out.add(r.verificationKey());
        }
        return out;
    }
}
