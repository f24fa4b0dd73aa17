package io.pqagent.qsmp.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * A tunnel's keep-alive as it runs now (profile rule 5: the listening side asks, the connecting side
 * answers).
 *
 * @param sends     whether this side sends the requests (the listening side)
 * @param interval  between two requests, as this side sends them; {@link Duration#ZERO} if it sends none
 *                  (the connecting side, or keep-alive switched off)
 * @param timeout   how long a request may stay unanswered before the session is closed; {@link Duration#ZERO}
 *                  where {@code interval} is
 * @param exchanges completed keep-alive exchanges: on the listening side answers received, on the
 *                  connecting side requests answered
 */
public record KeepAliveStatus(boolean sends, Duration interval, Duration timeout, long exchanges) {
    public KeepAliveStatus {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
    }
}
