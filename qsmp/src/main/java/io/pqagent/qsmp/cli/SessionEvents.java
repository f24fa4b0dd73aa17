package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one queue a session command's main thread reads: tunnel events are put here by the event loop
 * (which must not block on a terminal), stdin lines by {@link ConsoleInput}. Also the few rules every
 * session command shares: how a tunnel's end becomes an exit, and an orderly close with a deadline.
 */
final class SessionEvents {
    private final BlockingQueue<ConsoleEvent> queue = new LinkedBlockingQueue<>();

    BlockingQueue<ConsoleEvent> queue() {
        return queue;
    }

    /**
     * The handler for the tunnels of this command. With {@code echo} it answers each message at once, on
     * the tunnel's own event loop, so that an echo never waits for the terminal.
     */
    TunnelHandler handler(boolean echo) {
        return new TunnelHandler() {
            @Override
            public void onMessage(Tunnel tunnel, byte[] message) {
                if (echo) {
                    tunnel.send(EchoReply.of(message));
                }
                queue.add(new ConsoleEvent.Message(tunnel, message));
            }

            @Override
            public void onClosed(Tunnel tunnel, TunnelClosed why) {
                queue.add(new ConsoleEvent.Ended(tunnel, why));
            }
        };
    }

    /** Queues the outcome of a handshake in progress. */
    void watch(CompletableFuture<Tunnel> connecting) {
        connecting.whenComplete((tunnel, failure) -> queue.add(failure == null
                ? new ConsoleEvent.Connected(tunnel)
                : new ConsoleEvent.ConnectFailed(failure)));
    }

    void add(ConsoleEvent event) {
        queue.add(event);
    }

    /** The next event; {@code null} once {@code deadlineNanos} (a {@link System#nanoTime()}) has passed. */
    ConsoleEvent next(long deadlineNanos) throws InterruptedException {
        return queue.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    ConsoleEvent next() throws InterruptedException {
        return queue.take();
    }

    /**
     * The exit for a tunnel that ended while this side still wanted it: the peer's orderly close is its
     * own exit code; anything else is a failure named by its protocol code.
     */
    static CliFailure endedByPeerOrFailure(TunnelClosed why) {
        if (why.orderly()) {
            return new CliFailure(ExitCode.PEER_CLOSED, "peer closed the session");
        }
        return new CliFailure(ExitCode.FAILED, FailureText.of(why.error(), why.reason()));
    }

    /** Sends the terminate packet and waits (bounded) for the connection to close. */
    static void closeOrderly(Tunnel tunnel, Duration timeout) throws CliFailure, InterruptedException {
        TunnelClosed closed;
        try {
            closed = tunnel.close().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure(ExitCode.FAILED, "timeout: the session did not close within " + timeout.toSeconds()
                    + " s");
        } catch (ExecutionException e) {
            throw new CliFailure(ExitCode.FAILED, "close failed: " + FailureText.of(e), e);
        }
        if (!closed.orderly()) {
            // the session had already failed before our close: that failure is the outcome
            throw new CliFailure(ExitCode.FAILED, FailureText.of(closed.error(), closed.reason()));
        }
    }
}
