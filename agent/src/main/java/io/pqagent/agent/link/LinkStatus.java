package io.pqagent.agent.link;

import java.time.Instant;

/** One peer's link as {@code qsmp-agent status} and the metrics show it. */
public record LinkStatus(String peer, LinkState state, boolean dials, String remoteAddress, Instant since,
        long tunnelsOpened, long handshakeFailures, String lastFailure, long ratchets, Instant lastRatchet,
        long bytesIn, long bytesOut) {
}
