package io.pqagent.qsmp.session;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.RcsCipher;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.handshake.CipherPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.HandshakeResult;
import io.pqagent.qsmp.handshake.KeySchedule;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.KeepAlive;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.Packet;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.PacketTime;
import io.pqagent.qsmp.wire.QsmpConstants;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import io.pqagent.qsmp.wire.TerminatePacket;
import java.util.Arrays;

/**
 * An established QSMP tunnel (QSMP-WIRE §6, §7): sequence-checked, time-checked, authenticated
 * packets, ratchets, keep-alive and close. Pure: it turns plaintexts into packets and packets into
 * {@link Received} events; the caller does the I/O and must send packets in the order they are
 * returned (a ratchet re-keys as soon as its request is produced). Any rejected packet closes the
 * session and nothing is sent back (profile rule 8). Thread-safe by mutual exclusion.
 */
public final class Session implements AutoCloseable {
    private final Mode mode;
    private final Role role;
    private final ParameterSet parameterSet;
    private final MacMode macMode;
    private final Clock clock;
    private final EntropySource entropy;
    private final Limits limits;
    private final SigningKeyRecord localKey;
    private final byte[] peerVerificationKey;
    /** Tag field on the wire: 32 for RCS-256 (Simplex), 64 for RCS-512, whatever the MAC's real size. */
    private final int tagField;
    /** The listener's keep-alive counter (§7.3), independent of the tunnel sequence numbers. */
    private long keepAliveCounter;
    private KeepAlive keepAlivePending;
    /** Duplex only: Simplex has no ratchets. */
    private final AsymmetricRatchet asymmetric;

    private RcsCipher tx;
    private final ReceiveCiphers rx;
    /** The ratchet key (§4.3); Duplex only: a Simplex session wipes it at once, it can never ratchet. */
    private SecretBytes rtcs;
    private long txSequence;
    private long rxSequence;
    private SessionState state = SessionState.OPEN;

    public Session(HandshakeResult result, HandshakeContext context, Limits limits) {
        this.mode = result.mode();
        this.role = result.role();
        this.parameterSet = result.parameterSet();
        this.macMode = result.macMode();
        this.clock = context.clock();
        this.entropy = context.entropy();
        this.limits = limits;
        this.localKey = result.localKey();
        this.peerVerificationKey = result.peerVerificationKey();
        CipherPair pair = result.ciphers();
        this.tx = pair.tx();
        this.rx = new ReceiveCiphers(pair.rx());
        if (mode == Mode.DUPLEX) {
            this.rtcs = pair.rtcs();
            this.asymmetric = new AsymmetricRatchet(parameterSet, entropy);
        } else {
            pair.rtcs().close();
            this.rtcs = null;
            this.asymmetric = null;
        }
        this.txSequence = result.txSequence();
        this.rxSequence = result.rxSequence();
        this.tagField = mode == Mode.DUPLEX ? QsmpConstants.DUPLEX_MACTAG_SIZE : QsmpConstants.SIMPLEX_MACTAG_SIZE;
    }

    public Mode mode() {
        return mode;
    }

    public Role role() {
        return role;
    }

    public synchronized SessionState state() {
        return state;
    }

    public synchronized long txSequence() {
        return txSequence;
    }

    public synchronized long rxSequence() {
        return rxSequence;
    }

    /** The peer's long-term verification key (Duplex: the authenticated caller or listener). */
    public byte[] peerVerificationKey() {
        return peerVerificationKey == null ? null : peerVerificationKey.clone();
    }

    /** Encrypts one application message into an encrypted_message packet (§6). */
    public synchronized byte[] encrypt(byte[] message) {
        requireOpen();
        if (message.length == 0) {
            throw new IllegalArgumentException("QSMP cannot carry an empty message");
        }
        if ((long) message.length + tagField > limits.maxTunnelMessage()) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds the "
                    + limits.maxTunnelMessage() + "-byte packet limit");
        }
        return seal(Flag.ENCRYPTED_MESSAGE, message, clock.utcSeconds());
    }

    /** Starts a symmetric ratchet (§7.1): the request, after which both directions use new keys. */
    public synchronized byte[] startSymmetricRatchet() {
        requireOpen();
        requireDuplex("symmetric ratchet");
        requireNoPendingRatchet();
        byte[] token = entropy.nextBytes(QsmpConstants.RATCHET_TOKEN_SIZE);
        try {
            byte[] packet = seal(Flag.SYMMETRIC_RATCHET_REQUEST, token, 0);
            rekey(token, true); // we switch first: keep the old receive key for packets in flight
            return packet;
        } finally {
            Arrays.fill(token, (byte) 0);
        }
    }

    /** Starts an asymmetric ratchet (§7.2): a signed fresh KEM key; keys change when answered. */
    public synchronized byte[] startAsymmetricRatchet() {
        requireOpen();
        requireDuplex("asymmetric ratchet");
        requireNoPendingRatchet();
        byte[] plain = asymmetric.request(localKey);
        return seal(Flag.ASYMMETRIC_RATCHET_REQUEST, plain, 0);
    }

    /** A keep-alive request (§7.3); only the listening side sends them (profile rule 5). */
    public synchronized byte[] sendKeepAlive() {
        requireOpen();
        if (role != Role.SERVER) {
            throw new IllegalStateException("only the listening side sends keep-alive requests");
        }
        if (keepAlivePending != null) {
            throw new IllegalStateException("the previous keep-alive request is still unanswered");
        }
        keepAlivePending = new KeepAlive(keepAliveCounter, clock.utcSeconds());
        return keepAlivePending.request().encode();
    }

    /** Whether an asymmetric ratchet we started is still waiting for its response. */
    public synchronized boolean ratchetPending() {
        return asymmetric != null && asymmetric.pending();
    }

    /** Whether a keep-alive request is still unanswered, and since when (our clock). */
    public synchronized boolean keepAlivePending() {
        return keepAlivePending != null;
    }

    /**
     * Drops both directions' expanded round keys until the next packet re-derives them (about 2 KiB per
     * RCS-256 session; see {@link RcsCipher#compact()}): for a session that is expected to stay idle.
     */
    public synchronized void compact() {
        if (state == SessionState.OPEN) {
            tx.compact();
            rx.compact();
        }
    }

    /**
     * Compacts each direction that carried no packet since the previous call; called once per keep-alive
     * interval, it frees what stayed idle for a whole interval and costs a busy session nothing.
     */
    public synchronized void compactIfIdle() {
        if (state == SessionState.OPEN) {
            tx.compactIfUnused();
            rx.compactIfUnused();
        }
    }

    /** The normal terminate packet (§7.4); the session is closed afterwards. */
    public synchronized byte[] terminate() {
        close();
        return TerminatePacket.encode();
    }

    /** Processes one whole packet (header ‖ payload). */
    public Received receive(byte[] packet) throws QsmpException {
        if (packet.length < PacketHeader.SIZE) {
            throw reject(QsmpError.RECEIVE_FAILURE, "packet shorter than a header");
        }
        return receive(PacketHeader.decode(packet, 0), Arrays.copyOfRange(packet, PacketHeader.SIZE, packet.length));
    }

    /** Processes a header and its payload; any rejection closes the session. */
    public synchronized Received receive(PacketHeader header, byte[] payload) throws QsmpException {
        requireOpen();
        if (payload.length != header.msglen()) {
            throw reject(QsmpError.RECEIVE_FAILURE, "short read: " + payload.length + " of " + header.msglen() + " bytes");
        }
        Flag flag = header.flag().orElse(Flag.NONE);
        return switch (flag) {
            case ENCRYPTED_MESSAGE -> new Received.Data(openData(header, payload));
            case KEEP_ALIVE_REQUEST -> onKeepAliveRequest(header, payload);
            case KEEP_ALIVE_RESPONSE -> onKeepAliveResponse(header, payload);
            case SYMMETRIC_RATCHET_REQUEST -> onSymmetricRatchet(header, payload);
            case ASYMMETRIC_RATCHET_REQUEST -> onAsymmetricRequest(header, payload);
            case ASYMMETRIC_RATCHET_RESPONSE -> onAsymmetricResponse(header, payload);
            case CONNECTION_TERMINATE -> {
                close();
                yield new Received.Terminated();
            }
            case ERROR_CONDITION -> throw reject(peerError(payload), "peer reported an error");
            default -> throw reject(QsmpError.INVALID_REQUEST,
                    String.format("unexpected flag 0x%02X in an established session", header.flagCode()));
        };
    }

    private byte[] openData(PacketHeader header, byte[] payload) throws QsmpException {
        checkSequence(header); // §6 decrypt step 1
        if (!PacketTime.isValid(header.utctime(), clock.utcSeconds())) {
            throw reject(QsmpError.MESSAGE_TIME_INVALID, "packet time outside the 60 s window"); // step 3
        }
        if (header.msglen() <= tagField) {
            throw reject(QsmpError.RECEIVE_FAILURE, "msglen " + header.msglen() + " leaves no room for a message");
        }
        return open(header, payload, (int) header.msglen() - tagField);
    }

    private Received onKeepAliveRequest(PacketHeader header, byte[] payload) throws QsmpException {
        try {
            return new Received.KeepAliveRequest(KeepAlive.answer(new Packet(header, payload)).encode());
        } catch (QsmpException e) {
            throw reject(e.error(), e.getMessage());
        }
    }

    private Received onKeepAliveResponse(PacketHeader header, byte[] payload) throws QsmpException {
        if (keepAlivePending == null) {
            throw reject(QsmpError.BAD_KEEP_ALIVE, "keep-alive response without a request");
        }
        try {
            keepAlivePending.verifyResponse(new Packet(header, payload));
        } catch (QsmpException e) {
            throw reject(e.error(), e.getMessage());
        }
        keepAlivePending = null;
        return new Received.KeepAliveAnswered(keepAliveCounter++);
    }

    private Received onSymmetricRatchet(PacketHeader header, byte[] payload) throws QsmpException {
        requireDuplexPeer();
        checkSequence(header);
        checkSize(header, QsmpConstants.RATCHET_TOKEN_SIZE + tagField);
        byte[] token = open(header, payload, QsmpConstants.RATCHET_TOKEN_SIZE);
        try {
            rekey(token, false);
        } finally {
            Arrays.fill(token, (byte) 0);
        }
        return new Received.RatchetCompleted(RatchetKind.SYMMETRIC, null);
    }

    private Received onAsymmetricRequest(PacketHeader header, byte[] payload) throws QsmpException {
        requireDuplexPeer();
        checkSequence(header);
        checkSize(header, asymmetric.requestSize() + tagField);
        byte[] plain = open(header, payload, asymmetric.requestSize());
        AsymmetricRatchet.Answer answer = asymmetric.answer(plain, peerVerificationKey, localKey);
        if (answer == null) {
            throw reject(QsmpError.KEYCHAIN_FAIL, "asymmetric ratchet request does not verify");
        }
        try (SecretBytes secret = answer.secret()) {
            byte[] reply = seal(Flag.ASYMMETRIC_RATCHET_RESPONSE, answer.plaintext(), 0);
            rekey(secret.bytes(), true); // we switch first: the initiator may still send on old keys
            return new Received.RatchetCompleted(RatchetKind.ASYMMETRIC, reply);
        }
    }

    private Received onAsymmetricResponse(PacketHeader header, byte[] payload) throws QsmpException {
        requireDuplexPeer();
        checkSequence(header);
        if (!asymmetric.pending()) {
            throw reject(QsmpError.INVALID_REQUEST, "asymmetric ratchet response without a request");
        }
        checkSize(header, asymmetric.responseSize() + tagField);
        byte[] plain = open(header, payload, asymmetric.responseSize());
        try (SecretBytes secret = asymmetric.complete(plain, peerVerificationKey)) {
            rekey(secret.bytes(), false);
        } catch (AsymmetricRatchet.RatchetFailure f) {
            throw reject(f.error(), f.getMessage());
        }
        return new Received.RatchetCompleted(RatchetKind.ASYMMETRIC, null);
    }

    /** §4.3: both directions re-keyed from {@code secret}, cfg48 and the current rtcs. */
    private void rekey(byte[] secret, boolean keepPreviousReceive) {
        byte[] config48 = parameterSet.config().field(); // public; built per ratchet, not held per session
        CipherPair next = KeySchedule.ratchet(role, macMode, tx.blockPath(), secret, config48, rtcs.bytes());
        tx.destroy();
        tx = next.tx();
        rx.switchTo(next.rx(), keepPreviousReceive);
        rtcs.close();
        rtcs = next.rtcs();
    }

    /** Builds header ‖ ciphertext ‖ tag field for a tunnel packet; advances txSequence first (§2.3). */
    private byte[] seal(Flag flag, byte[] plaintext, long utctime) {
        txSequence++;
        int msglen = plaintext.length + tagField;
        PacketHeader header = new PacketHeader(flag, msglen, txSequence, utctime);
        byte[] packet = new byte[PacketHeader.SIZE + msglen];
        header.encodeInto(packet, 0);
        tx.setAssociated(packet, 0, PacketHeader.SIZE);
        // a 32-byte QMAC tag in a 64-byte field leaves zeros behind it (profile rule 2)
        tx.encrypt(plaintext, 0, plaintext.length, packet, PacketHeader.SIZE);
        return packet;
    }

    private byte[] open(PacketHeader header, byte[] payload, int length) throws QsmpException {
        byte[] out = new byte[length];
        if (!rx.open(header.encode(), payload, length, out)) {
            throw reject(QsmpError.AUTHENTICATION_FAILURE, "packet does not authenticate"); // §6 step 5
        }
        return out;
    }

    private void checkSequence(PacketHeader header) throws QsmpException {
        rxSequence++;
        if (header.sequence() != rxSequence) {
            throw reject(QsmpError.PACKET_UNSEQUENCED, "expected sequence " + rxSequence + ", got "
                    + Long.toUnsignedString(header.sequence()));
        }
    }

    private void checkSize(PacketHeader header, int expected) throws QsmpException {
        if (header.msglen() != expected) {
            throw reject(QsmpError.RECEIVE_FAILURE, "msglen " + header.msglen() + ", expected " + expected);
        }
    }

    private void requireDuplexPeer() throws QsmpException {
        if (mode != Mode.DUPLEX) {
            throw reject(QsmpError.INVALID_REQUEST, "ratchets exist only in Duplex sessions");
        }
    }

    private void requireDuplex(String what) {
        if (mode != Mode.DUPLEX) {
            throw new IllegalStateException(what + " exists only in Duplex sessions");
        }
    }

    /**
     * A second ratchet before the asymmetric one is answered would derive from an rtcs the peer is
     * about to replace: the two sides would diverge.
     */
    private void requireNoPendingRatchet() {
        if (asymmetric != null && asymmetric.pending()) {
            throw new IllegalStateException("an asymmetric ratchet is still waiting for its response");
        }
    }

    private void requireOpen() {
        if (state != SessionState.OPEN) {
            throw new IllegalStateException("session is closed");
        }
    }

    private static QsmpError peerError(byte[] payload) {
        return payload.length == 0 ? QsmpError.RECEIVE_FAILURE
                : QsmpError.fromCode(payload[0] & 0xFF).orElse(QsmpError.INVALID_INPUT);
    }

    private QsmpException reject(QsmpError error, String detail) {
        close();
        return new QsmpException(error, detail);
    }

    /** Wipes every key; further use is refused. */
    @Override
    public synchronized void close() {
        if (state == SessionState.CLOSED) {
            return;
        }
        state = SessionState.CLOSED;
        tx.destroy();
        rx.destroy();
        if (rtcs != null) {
            rtcs.close();
        }
        if (asymmetric != null) {
            asymmetric.close();
        }
    }

    @Override
    public String toString() {
        return "Session[" + mode + " " + role + " " + parameterSet.config().text() + " " + state + "]";
    }
}
