package io.pqagent.agent.link;

import io.pqagent.qsmp.transport.KeepAliveStatus;
import java.time.Instant;

/**
 * One peer's link as {@code qsmp-agent status} and the metrics show it.
 *
 * @param keepAlive the tunnel's keep-alive as it runs; {@code null} while no tunnel is up
 */
public record LinkStatus(String peer, LinkState state, boolean dials, String remoteAddress, Instant since,
        long tunnelsOpened, long handshakeFailures, String lastFailure, long ratchets, Instant lastRatchet,
        long bytesIn, long bytesOut, KeepAliveStatus keepAlive) {
}
