package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.DecapsulationException;
import io.pqagent.qsmp.crypto.Encapsulation;
import io.pqagent.qsmp.crypto.KemKeyPair;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Sha3;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.message.DuplexConnectRequest;
import io.pqagent.qsmp.wire.message.DuplexConnectResponse;
import io.pqagent.qsmp.wire.message.DuplexExchangeRequest;
import io.pqagent.qsmp.wire.message.DuplexExchangeResponse;
import io.pqagent.qsmp.wire.message.EstablishMessage;

/**
 * The Duplex client (the reference's "sender"): it holds its own signing key and the listener's
 * public-key record, and proves itself with signatures while checking the listener's (QSMP-WIRE §3.2).
 */
public final class DuplexClientHandshake extends HandshakeMachine implements ClientHandshake {
    private final SigningKeyRecord localKey;
    private final PublicKeyRecord serverKey;
    private final byte[] config48;
    private DuplexClientState state = DuplexClientState.NEW;
    private byte[] sessionCookie;
    private SecretBytes seca;
    private KemKeyPair ephemeral;
    private CipherPair ciphers;

    public DuplexClientHandshake(HandshakeContext context, SigningKeyRecord localKey, PublicKeyRecord serverKey) {
        super(context, localKey.verificationKey(), serverKey.verificationKey());
        this.localKey = localKey;
        this.serverKey = serverKey;
        this.config48 = context.parameterSet().config().field();
    }

    public DuplexClientState state() {
        return state;
    }

    /** Step 1: the connect request, or a key_expired failure if the listener's key has expired. */
    @Override
    public Step start() {
        if (state != DuplexClientState.NEW) {
            throw new IllegalStateException("already started");
        }
        if (Long.compareUnsigned(now(), serverKey.expiration()) > 0) {
            state = DuplexClientState.FAILED;
            return fail(QsmpError.KEY_EXPIRED, "the listener's public key expired"); // §3.2 step 1
        }
        byte[] kid = serverKey.keyId().bytes();
        sessionCookie = SessionCookie.duplex(config48, kid, localKey.verificationKey(), serverKey.verificationKey());
        PacketHeader header = nextHeader(Flag.CONNECT_REQUEST, DuplexConnectRequest.payloadSize(context.parameterSet()));
        byte[] h1 = Sha3.sha512(header.encode(), kid, config48);
        byte[] signed = signHash(h1);
        state = DuplexClientState.CONNECT_REQUEST_SENT;
        return new Step.Send(emit(header, new DuplexConnectRequest(kid, config48, signed).encode()));
    }

    @Override
    protected int expectedMsglen() {
        return switch (state) {
            case CONNECT_REQUEST_SENT -> DuplexConnectResponse.payloadSize(context.parameterSet());
            case EXCHANGE_REQUEST_SENT -> DuplexExchangeResponse.payloadSize(context.parameterSet());
            case ESTABLISH_REQUEST_SENT -> EstablishMessage.PAYLOAD_SIZE;
            default -> -1;
        };
    }

    @Override
    protected Step onPacket(PacketHeader header, byte[] payload) {
        Step step = switch (state) {
            case CONNECT_REQUEST_SENT -> onConnectResponse(header, payload);
            case EXCHANGE_REQUEST_SENT -> onExchangeResponse(header, payload);
            case ESTABLISH_REQUEST_SENT -> onEstablishResponse(header, payload);
            default -> fail(QsmpError.INVALID_REQUEST, "unexpected packet in state " + state);
        };
        if (step instanceof Step.Failed) {
            state = DuplexClientState.FAILED;
        }
        return step;
    }

    /** Step 3: verify the listener's connect response, answer with the exchange request. */
    private Step onConnectResponse(PacketHeader header, byte[] payload) {
        QsmpError e = checkHeader(header, Flag.CONNECT_RESPONSE, payload);
        if (e != null) {
            return fail(e, "connect response header rejected");
        }
        rxSequence++;
        DuplexConnectResponse msg = DuplexConnectResponse.decode(payload, context.parameterSet());
        byte[] signed = openSignedHash(serverKey.verificationKey(), msg.signedHash());
        if (signed == null) {
            return fail(QsmpError.AUTHENTICATION_FAILURE, "connect response signature does not verify"); // step 3
        }
        if (!ConstantTime.equals(signed, Sha3.sha512(header.encode(), msg.publicKey()))) {
            return fail(QsmpError.VERIFY_FAILURE, "connect response hash mismatch"); // step 3
        }
        // the reference encapsulates first, then generates its own pair: the draw order matters
        Encapsulation enc = encapsulateTo(msg.publicKey());
        if (enc == null) {
            return fail(QsmpError.EXCHANGE_FAILURE, "the listener's ephemeral public key is malformed");
        }
        seca = enc.sharedSecret();
        ephemeral = context.parameterSet().kem().generatePreparedKeyPair(context.entropy());
        PacketHeader out = nextHeader(Flag.EXCHANGE_REQUEST, DuplexExchangeRequest.payloadSize(context.parameterSet()));
        byte[] h3 = Sha3.sha512(out.encode(), enc.ciphertext(), ephemeral.publicKey());
        byte[] body = new DuplexExchangeRequest(enc.ciphertext(), ephemeral.publicKey(), signHash(h3)).encode();
        state = DuplexClientState.EXCHANGE_REQUEST_SENT;
        return new Step.Send(emit(out, body));
    }

    /** Step 5: verify the exchange response, derive the session keys, send the establish request. */
    private Step onExchangeResponse(PacketHeader header, byte[] payload) {
        QsmpError e = checkHeader(header, Flag.EXCHANGE_RESPONSE, payload);
        if (e != null) {
            return fail(e, "exchange response header rejected");
        }
        rxSequence++;
        DuplexExchangeResponse msg = DuplexExchangeResponse.decode(payload, context.parameterSet());
        byte[] signed = openSignedHash(serverKey.verificationKey(), msg.signedHash());
        if (signed == null) {
            return fail(QsmpError.AUTHENTICATION_FAILURE, "exchange response signature does not verify");
        }
        if (!ConstantTime.equals(signed, Sha3.sha512(header.encode(), msg.ciphertext()))) {
            return fail(QsmpError.VERIFY_FAILURE, "exchange response hash mismatch");
        }
        try (SecretBytes secb = context.parameterSet().kem().decapsulate(ephemeral, msg.ciphertext())) {
            ciphers = KeySchedule.duplex(Role.CLIENT, context.macMode(), context.blockPath(), seca.bytes(), sessionCookie, secb.bytes());
        } catch (DecapsulationException ex) {
            return fail(QsmpError.DECAPSULATION_FAILURE, ex.getMessage());
        } finally {
            ephemeral.close();
            ephemeral = null;
            seca.close();
        }
        PacketHeader out = nextHeader(Flag.ESTABLISH_REQUEST, EstablishMessage.PAYLOAD_SIZE);
        byte[] body = EstablishCrypto.seal(ciphers.tx(), out, sessionCookie);
        state = DuplexClientState.ESTABLISH_REQUEST_SENT;
        return new Step.Send(emit(out, body));
    }

    /** Step 7: the listener proves it derived the same keys by returning SHA3-512(sch). */
    private Step onEstablishResponse(PacketHeader header, byte[] payload) {
        if (checkHeader(header, Flag.ESTABLISH_RESPONSE, payload) != null) {
            return fail(QsmpError.PACKET_UNSEQUENCED, "establish response header rejected"); // step 7 remaps
        }
        rxSequence++;
        byte[] plain = EstablishCrypto.open(ciphers.rx(), header, payload);
        if (plain == null) {
            return fail(QsmpError.DECRYPTION_FAILURE, "establish response does not authenticate");
        }
        if (!ConstantTime.equals(plain, Sha3.sha512(sessionCookie))) {
            return fail(QsmpError.VERIFY_FAILURE, "establish response does not confirm the session cookie");
        }
        state = DuplexClientState.ESTABLISHED;
        HandshakeResult result = new HandshakeResult(Mode.DUPLEX, Role.CLIENT, context.parameterSet(),
                context.macMode(), ciphers, txSequence, rxSequence, localKey, serverKey.verificationKey());
        ciphers = null;
        return new Step.Established(null, result);
    }

    private byte[] signHash(byte[] hash) {
        return localKey.signHash(hash, context.entropy());
    }

    private byte[] openSignedHash(byte[] verificationKey, byte[] signedHash) {
        return context.parameterSet().signer().openSignedHash(verificationKey, signedHash, 0,
                signedHash.length - context.parameterSet().signatureAlgorithm().signatureSize());
    }

    @Override
    protected void wipe() {
        if (seca != null) {
            seca.close();
        }
        if (ephemeral != null) {
            ephemeral.close();
        }
        if (ciphers != null) {
            ciphers.close();
            ciphers = null;
        }
    }
}
