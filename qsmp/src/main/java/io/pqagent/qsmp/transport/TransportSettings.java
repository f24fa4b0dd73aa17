package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.time.Duration;

/**
 * Limits and timers of one endpoint.
 *
 * @param handshakeTimeout        a peer that has not completed the handshake by then is dropped (a
 *                                silent peer, or one stalling mid-packet)
 * @param maxConcurrentHandshakes handshakes in progress at once on a server; more are refused
 * @param maxSessions             established sessions at once on a server; more are refused
 * @param limits                  packet size limits (profile rule 11)
 * @param keepAliveInterval       how often the listening side sends a keep-alive request (rule 5);
 *                                {@link Duration#ZERO} disables them
 * @param keepAliveTimeout        a request unanswered for this long closes the session
 */
public record TransportSettings(Duration handshakeTimeout, int maxConcurrentHandshakes, int maxSessions,
        Limits limits, Duration keepAliveInterval, Duration keepAliveTimeout) {

    public static final TransportSettings DEFAULTS = new TransportSettings(Duration.ofSeconds(10), 5_000,
            QsmpConstants.CONNECTIONS_MAX, Limits.DEFAULT, Duration.ofSeconds(60),
            Duration.ofMillis(QsmpConstants.KEEPALIVE_TIMEOUT_MILLIS));

    public TransportSettings {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
        if (maxConcurrentHandshakes < 1 || maxSessions < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1");
        }
        if (keepAliveInterval.isNegative() || keepAliveTimeout.isNegative()) {
            throw new IllegalArgumentException("keep-alive durations cannot be negative");
        }
    }

    public TransportSettings withKeepAlive(Duration interval, Duration timeout) {
        return new TransportSettings(handshakeTimeout, maxConcurrentHandshakes, maxSessions, limits, interval, timeout);
    }

    public TransportSettings withHandshakeTimeout(Duration timeout) {
        return new TransportSettings(timeout, maxConcurrentHandshakes, maxSessions, limits, keepAliveInterval,
                keepAliveTimeout);
    }

    public TransportSettings withCaps(int handshakes, int sessions) {
        return new TransportSettings(handshakeTimeout, handshakes, sessions, limits, keepAliveInterval, keepAliveTimeout);
    }
}
