package io.pqagent.qsmp.conformance;

import io.pqagent.qsmp.handshake.ClientHandshake;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.session.Received;
import io.pqagent.qsmp.session.Session;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One of our two sides in a replay: a handshake machine until it is established, then a session.
 * Packets it produces wait in an outbox until the transcript says they were sent; what it delivers
 * and how it failed are recorded for the final comparison.
 */
final class ReplayPeer {
    final Side side;
    private final HandshakeContext context;
    private final HandshakeMachine machine;
    private Session session;
    final Deque<byte[]> outbox = new ArrayDeque<>();
    final List<byte[]> delivered = new ArrayList<>();
    QsmpError failure;
    String failureDetail;
    boolean terminated;

    ReplayPeer(Side side, HandshakeContext context, HandshakeMachine machine) {
        this.side = side;
        this.context = context;
        this.machine = machine;
    }

    boolean finished() {
        return failure != null || terminated;
    }

    Session session() {
        if (session == null) {
            throw new IllegalStateException(side.jsonName() + " has no established session");
        }
        return session;
    }

    /** The client's first step. */
    Step start() {
        if (!(machine instanceof ClientHandshake client)) {
            throw new IllegalStateException("the server does not speak first");
        }
        return client.start();
    }

    /** Takes a step of the handshake (from start() or process()) and queues what it asks to send. */
    void take(Step step) {
        if (step instanceof Step.Send send) {
            outbox.add(send.packet());
        } else if (step instanceof Step.Established est) {
            if (est.packet() != null) {
                outbox.add(est.packet());
            }
            session = new Session(est.result(), context, Limits.DEFAULT);
        } else if (step instanceof Step.Failed failed) {
            failure = failed.error();
            failureDetail = failed.detail();
            if (failed.errorPacket() != null) {
                outbox.add(failed.errorPacket());
            }
        }
    }

    /** Feeds one packet as it crossed the wire. */
    void receive(byte[] packet) {
        if (session == null) {
            take(machine.process(packet));
            return;
        }
        try {
            Received r = session.receive(packet);
            if (r instanceof Received.Data d) {
                delivered.add(d.message());
            } else if (r instanceof Received.KeepAliveRequest k) {
                outbox.add(k.reply());
            } else if (r instanceof Received.RatchetCompleted rc && rc.reply() != null) {
                outbox.add(rc.reply());
            } else if (r instanceof Received.Terminated) {
                terminated = true;
            }
        } catch (QsmpException e) {
            failure = e.error();
            failureDetail = e.getMessage();
        }
    }
}
