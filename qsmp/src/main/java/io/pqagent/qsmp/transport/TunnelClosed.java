package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.wire.QsmpError;

/**
 * Why a tunnel ended. {@code error} is {@code null} for an orderly close by either side; otherwise the
 * protocol code of the failure (authentication failure, keep-alive expired, peer's error packet, …).
 *
 * @param byPeer whether the peer ended it (terminate, error packet, or the connection dropped)
 */
public record TunnelClosed(QsmpError error, String reason, boolean byPeer) {

    public boolean orderly() {
        return error == null;
    }

    static TunnelClosed orderly(boolean byPeer) {
        return new TunnelClosed(null, byPeer ? "peer closed the session" : "closed", byPeer);
    }

    @Override
    public String toString() {
        return (error == null ? "closed" : error.protocolName()) + ": " + reason + (byPeer ? " (by peer)" : "");
    }
}
