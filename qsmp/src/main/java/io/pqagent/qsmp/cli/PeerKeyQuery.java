package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.net.SocketAddress;
import java.util.List;

/**
 * The listener's {@code key_query} over the peers' {@code .qpkey} files (profile rule 7). The key id in a
 * connect request is the listener's own, as the caller's copy of our {@code .qpkey} gives it; it cannot
 * name the caller, so every peer key is a candidate and the signature picks the one that verifies.
 *
 * <p>A key id that is not ours means the caller holds some other listener's public key: that is the
 * unknown key identity of {@code key_unrecognized} (QSMP-WIRE §3.2 step 2.1), answered before any
 * signature work. (The reference's sample Listener ignores the key id; a C sender using our
 * {@code .qpkey} sends ours, so this refuses only callers that would fail later anyway.)
 */
final class PeerKeyQuery implements KeyQuery {
    private final KeyId own;
    private final List<byte[]> candidates;

    PeerKeyQuery(KeyId own, List<PublicKeyRecord> peers) {
        this.own = own;
        this.candidates = peers.stream().map(PublicKeyRecord::verificationKey).toList();
    }

    @Override
    public List<byte[]> candidates(byte[] keyId, SocketAddress remoteAddress) {
        if (keyId.length != KeyId.SIZE || !own.equals(new KeyId(keyId))) {
            return List.of();
        }
        return candidates.stream().map(byte[]::clone).toList();
    }
}
