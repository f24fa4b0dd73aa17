package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.Encapsulation;
import io.pqagent.qsmp.wire.ErrorPacket;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import java.util.Arrays;

/**
 * What the four handshake machines share: the two sequence counters, the header rules, error
 * packets, and the contract with a driver. A machine never touches a socket: the driver reads a
 * 21-byte header, asks {@link #payloadLength} how many bytes follow, reads them, and calls
 * {@link #process}. Bytes in, next {@link Step} out.
 */
public abstract class HandshakeMachine {
    protected final HandshakeContext context;
    /** Sent with the current value, incremented after each send (QSMP-WIRE §2.3). */
    protected long txSequence;
    /** The sequence the next received packet must carry. */
    protected long rxSequence;
    private boolean finished;

    /** {@code verificationKeys} are the long-term keys the machine will use; all must fit the set. */
    protected HandshakeMachine(HandshakeContext context, byte[]... verificationKeys) {
        this.context = context;
        int size = context.parameterSet().signatureAlgorithm().verificationKeySize();
        for (byte[] vk : verificationKeys) {
            if (vk.length != size) {
                throw new IllegalArgumentException("a " + vk.length + "-byte verification key does not fit "
                        + context.parameterSet().config().text() + " (" + size + " bytes)");
            }
        }
    }

    /** Payload size this machine expects next, or -1 when it expects nothing. */
    protected abstract int expectedMsglen();

    /** Handles one packet whose header passed the peer-error check. */
    protected abstract Step onPacket(PacketHeader header, byte[] payload);

    /** Wipes ephemeral secrets; called once when the machine fails. */
    protected abstract void wipe();

    /**
     * How many payload bytes the driver should read after {@code header}: one for an error packet
     * (profile rule 8), otherwise exactly this step's size whatever the header claims (§2.5), so a
     * lying {@code msglen} cannot make us allocate or wait for more.
     */
    public final int payloadLength(PacketHeader header) {
        if (header.is(Flag.ERROR_CONDITION)) {
            return 1;
        }
        return Math.max(expectedMsglen(), 0);
    }

    /** Processes one whole packet (header ‖ payload). */
    public final Step process(byte[] packet) {
        if (packet.length < PacketHeader.SIZE) {
            return fail(QsmpError.RECEIVE_FAILURE, "packet shorter than a header (" + packet.length + " bytes)");
        }
        PacketHeader header = PacketHeader.decode(packet, 0);
        return process(header, Arrays.copyOfRange(packet, PacketHeader.SIZE, packet.length));
    }

    /** Processes a header and the payload bytes read after it. */
    public final Step process(PacketHeader header, byte[] payload) {
        if (finished) {
            throw new IllegalStateException("handshake already finished");
        }
        if (header.is(Flag.ERROR_CONDITION)) {
            return peerError(payload); // §3.1 check 1
        }
        if (expectedMsglen() < 0) {
            return fail(QsmpError.INVALID_REQUEST, "no packet expected in this state");
        }
        Step step = onPacket(header, payload);
        if (!(step instanceof Step.Send)) {
            finished = true;
        }
        return step;
    }

    /** Whether the machine has reached a terminal step (established or failed). */
    public final boolean finished() {
        return finished;
    }

    private Step peerError(byte[] payload) {
        finished = true;
        wipe();
        if (payload.length < 1) {
            return new Step.Failed(QsmpError.RECEIVE_FAILURE, "truncated error packet from peer", null);
        }
        int code = payload[0] & 0xFF;
        return QsmpError.fromCode(code)
                .map(e -> (Step) new Step.Failed(e, "peer reported " + e.protocolName(), null))
                .orElseGet(() -> new Step.Failed(QsmpError.INVALID_INPUT,
                        String.format("peer reported unknown error code 0x%02X", code), null));
    }

    /** Validates a received header (§3.1 checks 2–5); {@code null} if it is acceptable. */
    protected final QsmpError checkHeader(PacketHeader header, Flag expected, byte[] payload) {
        QsmpError e = HeaderCheck.validate(header, expected, rxSequence, expectedMsglen(), now());
        if (e == null && payload.length != expectedMsglen()) {
            e = QsmpError.RECEIVE_FAILURE; // a short read: fewer bytes than the header promised
        }
        return e;
    }

    protected final long now() {
        return context.clock().utcSeconds();
    }

    /** A header for the next packet we send (current txSequence, our clock). */
    protected final PacketHeader nextHeader(Flag flag, int msglen) {
        return new PacketHeader(flag, msglen, txSequence, now());
    }

    /** Serializes header ‖ payload as one buffer and advances txSequence. */
    protected final byte[] emit(PacketHeader header, byte[] payload) {
        byte[] packet = new byte[PacketHeader.SIZE + payload.length];
        header.encodeInto(packet, 0);
        System.arraycopy(payload, 0, packet, PacketHeader.SIZE, payload.length);
        txSequence++;
        return packet;
    }

    /**
     * Encapsulates to a public key the peer signed. Bouncy Castle refuses keys that fail the FIPS 203
     * checks (QSC does not check); that can only come from an authenticated but broken peer, and ends
     * the exchange instead of escaping as an exception.
     */
    protected final Encapsulation encapsulateTo(byte[] publicKey) {
        try {
            return context.parameterSet().kem().encapsulate(publicKey, context.entropy());
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return null;
        }
    }

    /** Fails with {@code error}: wipes secrets and returns the error packet to send (profile rule 8). */
    protected final Step fail(QsmpError error, String detail) {
        finished = true;
        wipe();
        return new Step.Failed(error, detail, ErrorPacket.of(error, now()).encode());
    }
}
