package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.DecapsulationException;
import io.pqagent.qsmp.crypto.Encapsulation;
import io.pqagent.qsmp.crypto.KemKeyPair;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Sha3;
import io.pqagent.qsmp.crypto.Signer;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.message.DuplexConnectRequest;
import io.pqagent.qsmp.wire.message.DuplexConnectResponse;
import io.pqagent.qsmp.wire.message.DuplexExchangeRequest;
import io.pqagent.qsmp.wire.message.DuplexExchangeResponse;
import io.pqagent.qsmp.wire.message.EstablishMessage;
import java.net.SocketAddress;
import java.util.List;

/**
 * The Duplex server (the reference's "listener"). It finds the caller's verification key through a
 * {@link KeyQuery} that returns candidates, and tries each (profile rule 7) while keeping the order of
 * checks and error codes of QSMP-WIRE §3.2.
 */
public final class DuplexServerHandshake extends HandshakeMachine {
    /** The listener's keys: one, or two while its identity rotates; the caller's key id picks one. */
    private final List<SigningKeyRecord> localKeys;
    private SigningKeyRecord localKey;
    private final KeyQuery keyQuery;
    private final SocketAddress remoteAddress;
    private final byte[] config48;
    private DuplexServerState state = DuplexServerState.AWAIT_CONNECT_REQUEST;
    private byte[] clientVerificationKey;
    private byte[] sessionCookie;
    private KemKeyPair ephemeral;
    private CipherPair ciphers;

    public DuplexServerHandshake(HandshakeContext context, SigningKeyRecord localKey, KeyQuery keyQuery,
            SocketAddress remoteAddress) {
        this(context, List.of(localKey), keyQuery, remoteAddress);
    }

    /**
     * A listener holding several keys (an identity rotation's overlap): the key id in the connect
     * request, which is the listener's own (profile rule 7), selects the key that answers; an unknown
     * key id falls back to the first key, so a single-key listener behaves exactly as the reference.
     */
    public DuplexServerHandshake(HandshakeContext context, List<SigningKeyRecord> localKeys, KeyQuery keyQuery,
            SocketAddress remoteAddress) {
        super(context, localKeys.stream().map(SigningKeyRecord::verificationKey).toArray(byte[][]::new));
        if (localKeys.isEmpty()) {
            throw new IllegalArgumentException("a listener needs at least one key");
        }
        this.localKeys = List.copyOf(localKeys);
        this.localKey = this.localKeys.get(0);
        this.keyQuery = keyQuery;
        this.remoteAddress = remoteAddress;
        this.config48 = context.parameterSet().config().field();
    }

    public DuplexServerState state() {
        return state;
    }

    /** The verification key of the authenticated client, once the connect request has verified. */
    public byte[] clientVerificationKey() {
        return clientVerificationKey == null ? null : clientVerificationKey.clone();
    }

    @Override
    protected int expectedMsglen() {
        return switch (state) {
            case AWAIT_CONNECT_REQUEST -> DuplexConnectRequest.payloadSize(context.parameterSet());
            case CONNECT_RESPONSE_SENT -> DuplexExchangeRequest.payloadSize(context.parameterSet());
            case EXCHANGE_RESPONSE_SENT -> EstablishMessage.PAYLOAD_SIZE;
            default -> -1;
        };
    }

    @Override
    protected Step onPacket(PacketHeader header, byte[] payload) {
        Step step = switch (state) {
            case AWAIT_CONNECT_REQUEST -> onConnectRequest(header, payload);
            case CONNECT_RESPONSE_SENT -> onExchangeRequest(header, payload);
            case EXCHANGE_RESPONSE_SENT -> onEstablishRequest(header, payload);
            default -> fail(QsmpError.INVALID_REQUEST, "unexpected packet in state " + state);
        };
        if (step instanceof Step.Failed) {
            state = DuplexServerState.FAILED;
        }
        return step;
    }

    /** Step 2: identify and authenticate the caller, answer with a signed ephemeral KEM key. */
    private Step onConnectRequest(PacketHeader header, byte[] payload) {
        QsmpError e = checkHeader(header, Flag.CONNECT_REQUEST, payload);
        if (e != null) {
            return fail(e, "connect request header rejected");
        }
        rxSequence++;
        DuplexConnectRequest msg = DuplexConnectRequest.decode(payload, context.parameterSet());
        for (SigningKeyRecord k : localKeys) {
            if (ConstantTime.equals(k.keyId().bytes(), msg.keyId())) {
                localKey = k;
                break;
            }
        }
        List<byte[]> candidates;
        try {
            candidates = keyQuery.candidates(msg.keyId().clone(), remoteAddress);
        } catch (RuntimeException queryFailure) {
            return fail(QsmpError.KEY_UNRECOGNIZED, "key query failed: " + queryFailure.getMessage()); // fail closed
        }
        if (candidates == null || candidates.isEmpty()) {
            return fail(QsmpError.KEY_UNRECOGNIZED, "no verification key known for this caller"); // step 2.1
        }
        if (Long.compareUnsigned(now(), localKey.expiration()) > 0) {
            return fail(QsmpError.KEY_EXPIRED, "the listener's own key has expired"); // step 2.2
        }
        if (!ConstantTime.equals(msg.config(), config48)) {
            return fail(QsmpError.UNKNOWN_PROTOCOL, "configuration string differs"); // step 2.3
        }
        byte[] signedHash = null;
        Signer signer = context.parameterSet().signer();
        int hashLen = msg.signedHash().length - context.parameterSet().signatureAlgorithm().signatureSize();
        for (byte[] candidate : candidates) {
            byte[] h = signer.openSignedHash(candidate, msg.signedHash(), 0, hashLen);
            if (h != null) {
                signedHash = h;
                clientVerificationKey = candidate.clone();
                break;
            }
        }
        if (signedHash == null) {
            return fail(QsmpError.AUTHENTICATION_FAILURE, "connect request signature does not verify"); // 2.4
        }
        if (!ConstantTime.equals(signedHash, Sha3.sha512(header.encode(), msg.keyId(), msg.config()))) {
            return fail(QsmpError.VERIFY_FAILURE, "connect request hash mismatch"); // step 2.5
        }
        sessionCookie = SessionCookie.duplex(config48, msg.keyId(), clientVerificationKey, localKey.verificationKey());
        ephemeral = context.parameterSet().kem().generatePreparedKeyPair(context.entropy());
        PacketHeader out = nextHeader(Flag.CONNECT_RESPONSE, DuplexConnectResponse.payloadSize(context.parameterSet()));
        byte[] h2 = Sha3.sha512(out.encode(), ephemeral.publicKey());
        byte[] body = new DuplexConnectResponse(signHash(h2), ephemeral.publicKey()).encode();
        state = DuplexServerState.CONNECT_RESPONSE_SENT;
        return new Step.Send(emit(out, body));
    }

    /** Step 4: check the client's exchange request, encapsulate back, derive the session keys. */
    private Step onExchangeRequest(PacketHeader header, byte[] payload) {
        QsmpError e = checkHeader(header, Flag.EXCHANGE_REQUEST, payload);
        if (e != null) {
            return fail(e, "exchange request header rejected");
        }
        rxSequence++;
        DuplexExchangeRequest msg = DuplexExchangeRequest.decode(payload, context.parameterSet());
        int hashLen = msg.signedHash().length - context.parameterSet().signatureAlgorithm().signatureSize();
        byte[] signed = context.parameterSet().signer().openSignedHash(clientVerificationKey, msg.signedHash(), 0, hashLen);
        if (signed == null) {
            return fail(QsmpError.AUTHENTICATION_FAILURE, "exchange request signature does not verify");
        }
        if (!ConstantTime.equals(signed, Sha3.sha512(header.encode(), msg.ciphertext(), msg.publicKey()))) {
            return fail(QsmpError.HASH_INVALID, "exchange request hash mismatch");
        }
        SecretBytes seca;
        try {
            seca = context.parameterSet().kem().decapsulate(ephemeral, msg.ciphertext());
        } catch (DecapsulationException ex) {
            return fail(QsmpError.DECAPSULATION_FAILURE, ex.getMessage());
        } finally {
            ephemeral.close();
            ephemeral = null;
        }
        Encapsulation enc = encapsulateTo(msg.publicKey());
        if (enc == null) {
            seca.close();
            return fail(QsmpError.EXCHANGE_FAILURE, "the caller's ephemeral public key is malformed");
        }
        PacketHeader out = nextHeader(Flag.EXCHANGE_RESPONSE, DuplexExchangeResponse.payloadSize(context.parameterSet()));
        byte[] h4 = Sha3.sha512(out.encode(), enc.ciphertext());
        byte[] body = new DuplexExchangeResponse(enc.ciphertext(), signHash(h4)).encode();
        try (SecretBytes a = seca; SecretBytes b = enc.sharedSecret()) {
            ciphers = KeySchedule.duplex(Role.SERVER, context.macMode(), context.blockPath(), a.bytes(), sessionCookie, b.bytes());
        }
        state = DuplexServerState.EXCHANGE_RESPONSE_SENT;
        return new Step.Send(emit(out, body));
    }

    /** Step 6: the client proves its keys by sending sch; we answer with SHA3-512(sch). */
    private Step onEstablishRequest(PacketHeader header, byte[] payload) {
        QsmpError e = checkHeader(header, Flag.ESTABLISH_REQUEST, payload);
        if (e != null) {
            return fail(e, "establish request header rejected");
        }
        rxSequence++;
        byte[] plain = EstablishCrypto.open(ciphers.rx(), header, payload);
        if (plain == null) {
            return fail(QsmpError.DECRYPTION_FAILURE, "establish request does not authenticate");
        }
        if (!ConstantTime.equals(plain, sessionCookie)) {
            return fail(QsmpError.VERIFY_FAILURE, "establish request carries a different session cookie");
        }
        PacketHeader out = nextHeader(Flag.ESTABLISH_RESPONSE, EstablishMessage.PAYLOAD_SIZE);
        byte[] body = EstablishCrypto.seal(ciphers.tx(), out, Sha3.sha512(sessionCookie));
        byte[] packet = emit(out, body);
        state = DuplexServerState.ESTABLISHED;
        HandshakeResult result = new HandshakeResult(Mode.DUPLEX, Role.SERVER, context.parameterSet(),
                context.macMode(), ciphers, txSequence, rxSequence, localKey, clientVerificationKey.clone());
        ciphers = null;
        return new Step.Established(packet, result);
    }

    private byte[] signHash(byte[] hash) {
        return localKey.signHash(hash, context.entropy());
    }

    @Override
    protected void wipe() {
        if (ephemeral != null) {
            ephemeral.close();
        }
        if (ciphers != null) {
            ciphers.close();
            ciphers = null;
        }
    }
}
