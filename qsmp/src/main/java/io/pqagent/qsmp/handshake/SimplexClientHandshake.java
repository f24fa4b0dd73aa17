package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.Encapsulation;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Sha3;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.message.SimplexConnectRequest;
import io.pqagent.qsmp.wire.message.SimplexConnectResponse;
import io.pqagent.qsmp.wire.message.SimplexExchangeRequest;

/**
 * The Simplex client: it trusts one server key and signs nothing (QSMP-WIRE §3.3). There is no key
 * confirmation; a key mismatch shows as an authentication failure on the first tunnel packet.
 */
public final class SimplexClientHandshake extends HandshakeMachine implements ClientHandshake {
    private final PublicKeyRecord serverKey;
    private final byte[] config48;
    private SimplexClientState state = SimplexClientState.NEW;
    private byte[] sessionCookie;
    private CipherPair ciphers;

    public SimplexClientHandshake(HandshakeContext context, PublicKeyRecord serverKey) {
        super(context, serverKey.verificationKey());
        this.serverKey = serverKey;
        this.config48 = context.parameterSet().config().field();
    }

    public SimplexClientState state() {
        return state;
    }

    /** Step 1: the unsigned connect request, or key_expired. */
    @Override
    public Step start() {
        if (state != SimplexClientState.NEW) {
            throw new IllegalStateException("already started");
        }
        if (Long.compareUnsigned(now(), serverKey.expiration()) > 0) {
            state = SimplexClientState.FAILED;
            return fail(QsmpError.KEY_EXPIRED, "the server's public key expired");
        }
        byte[] kid = serverKey.keyId().bytes();
        sessionCookie = SessionCookie.simplex(config48, kid, serverKey.verificationKey());
        PacketHeader header = nextHeader(Flag.CONNECT_REQUEST, SimplexConnectRequest.PAYLOAD_SIZE);
        state = SimplexClientState.CONNECT_REQUEST_SENT;
        return new Step.Send(emit(header, new SimplexConnectRequest(kid, config48).encode()));
    }

    @Override
    protected int expectedMsglen() {
        return switch (state) {
            case CONNECT_REQUEST_SENT -> SimplexConnectResponse.payloadSize(context.parameterSet());
            case EXCHANGE_REQUEST_SENT -> 0;
            default -> -1;
        };
    }

    @Override
    protected Step onPacket(PacketHeader header, byte[] payload) {
        Step step = switch (state) {
            case CONNECT_REQUEST_SENT -> onConnectResponse(header, payload);
            case EXCHANGE_REQUEST_SENT -> onExchangeResponse(header, payload);
            default -> fail(QsmpError.INVALID_REQUEST, "unexpected packet in state " + state);
        };
        if (step instanceof Step.Failed) {
            state = SimplexClientState.FAILED;
        }
        return step;
    }

    /** Step 3: verify the server's signed ephemeral key, encapsulate to it, derive the keys. */
    private Step onConnectResponse(PacketHeader header, byte[] payload) {
        if (checkHeader(header, Flag.CONNECT_RESPONSE, payload) != null) {
            return fail(QsmpError.PACKET_UNSEQUENCED, "connect response header rejected"); // §3.3 step 3 remaps
        }
        rxSequence++;
        SimplexConnectResponse msg = SimplexConnectResponse.decode(payload, context.parameterSet());
        int hashLen = msg.signedHash().length - context.parameterSet().signatureAlgorithm().signatureSize();
        byte[] signed = context.parameterSet().signer().openSignedHash(serverKey.verificationKey(), msg.signedHash(), 0, hashLen);
        if (signed == null) {
            return fail(QsmpError.AUTHENTICATION_FAILURE, "connect response signature does not verify");
        }
        if (!ConstantTime.equals(signed, Sha3.sha256(header.encode(), msg.publicKey()))) {
            return fail(QsmpError.HASH_INVALID, "connect response hash mismatch");
        }
        Encapsulation enc = encapsulateTo(msg.publicKey());
        if (enc == null) {
            return fail(QsmpError.EXCHANGE_FAILURE, "the server's ephemeral public key is malformed");
        }
        try (SecretBytes sec = enc.sharedSecret()) {
            ciphers = KeySchedule.simplex(Role.CLIENT, context.macMode(), context.blockPath(), sec.bytes(), sessionCookie);
        }
        PacketHeader out = nextHeader(Flag.EXCHANGE_REQUEST, SimplexExchangeRequest.payloadSize(context.parameterSet()));
        state = SimplexClientState.EXCHANGE_REQUEST_SENT;
        return new Step.Send(emit(out, new SimplexExchangeRequest(enc.ciphertext()).encode()));
    }

    /** Step 5: the bare exchange response completes the handshake. */
    private Step onExchangeResponse(PacketHeader header, byte[] payload) {
        if (checkHeader(header, Flag.EXCHANGE_RESPONSE, payload) != null) {
            return fail(QsmpError.PACKET_UNSEQUENCED, "exchange response header rejected"); // step 5 remaps
        }
        rxSequence++;
        state = SimplexClientState.ESTABLISHED;
        HandshakeResult result = new HandshakeResult(Mode.SIMPLEX, Role.CLIENT, context.parameterSet(),
                context.macMode(), ciphers, txSequence, rxSequence, null, serverKey.verificationKey());
        ciphers = null;
        return new Step.Established(null, result);
    }

    @Override
    protected void wipe() {
        if (ciphers != null) {
            ciphers.close();
            ciphers = null;
        }
    }
}
