package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.DecapsulationException;
import io.pqagent.qsmp.crypto.KemKeyPair;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Sha3;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.message.SimplexConnectRequest;
import io.pqagent.qsmp.wire.message.SimplexConnectResponse;
import io.pqagent.qsmp.wire.message.SimplexExchangeRequest;

/** The Simplex server: authenticates itself to any client that knows its key (QSMP-WIRE §3.3). */
public final class SimplexServerHandshake extends HandshakeMachine {
    private final SigningKeyRecord localKey;
    private final byte[] config48;
    private SimplexServerState state = SimplexServerState.AWAIT_CONNECT_REQUEST;
    private byte[] sessionCookie;
    private KemKeyPair ephemeral;

    public SimplexServerHandshake(HandshakeContext context, SigningKeyRecord localKey) {
        super(context, localKey.verificationKey());
        this.localKey = localKey;
        this.config48 = context.parameterSet().config().field();
    }

    public SimplexServerState state() {
        return state;
    }

    @Override
    protected int expectedMsglen() {
        return switch (state) {
            case AWAIT_CONNECT_REQUEST -> SimplexConnectRequest.PAYLOAD_SIZE;
            case CONNECT_RESPONSE_SENT -> SimplexExchangeRequest.payloadSize(context.parameterSet());
            default -> -1;
        };
    }

    @Override
    protected Step onPacket(PacketHeader header, byte[] payload) {
        Step step = switch (state) {
            case AWAIT_CONNECT_REQUEST -> onConnectRequest(header, payload);
            case CONNECT_RESPONSE_SENT -> onExchangeRequest(header, payload);
            default -> fail(QsmpError.INVALID_REQUEST, "unexpected packet in state " + state);
        };
        if (step instanceof Step.Failed) {
            state = SimplexServerState.FAILED;
        }
        return step;
    }

    /** Step 2: check key id, expiry and configuration; answer with a signed ephemeral KEM key. */
    private Step onConnectRequest(PacketHeader header, byte[] payload) {
        if (checkHeader(header, Flag.CONNECT_REQUEST, payload) != null) {
            return fail(QsmpError.PACKET_UNSEQUENCED, "connect request header rejected"); // §3.3 step 2 remaps
        }
        rxSequence++;
        SimplexConnectRequest msg = SimplexConnectRequest.decode(payload);
        if (!ConstantTime.equals(msg.keyId(), localKey.keyId().bytes())) {
            return fail(QsmpError.KEY_UNRECOGNIZED, "key id is not this server's");
        }
        if (Long.compareUnsigned(now(), localKey.expiration()) > 0) {
            return fail(QsmpError.KEY_EXPIRED, "the server's own key has expired");
        }
        if (!ConstantTime.equals(msg.config(), config48)) {
            return fail(QsmpError.UNKNOWN_PROTOCOL, "configuration string differs");
        }
        sessionCookie = SessionCookie.simplex(config48, msg.keyId(), localKey.verificationKey());
        ephemeral = context.parameterSet().kem().generatePreparedKeyPair(context.entropy());
        PacketHeader out = nextHeader(Flag.CONNECT_RESPONSE, SimplexConnectResponse.payloadSize(context.parameterSet()));
        byte[] h = Sha3.sha256(out.encode(), ephemeral.publicKey());
        byte[] signed = localKey.signHash(h, context.entropy());
        state = SimplexServerState.CONNECT_RESPONSE_SENT;
        return new Step.Send(emit(out, new SimplexConnectResponse(signed, ephemeral.publicKey()).encode()));
    }

    /** Step 4: decapsulate, derive the keys, send the bare exchange response. */
    private Step onExchangeRequest(PacketHeader header, byte[] payload) {
        QsmpError e = checkHeader(header, Flag.EXCHANGE_REQUEST, payload);
        if (e != null) {
            return fail(e, "exchange request header rejected");
        }
        rxSequence++;
        CipherPair ciphers;
        try (SecretBytes sec = context.parameterSet().kem().decapsulate(ephemeral, payload)) {
            ciphers = KeySchedule.simplex(Role.SERVER, context.macMode(), context.blockPath(), sec.bytes(), sessionCookie);
        } catch (DecapsulationException ex) {
            return fail(QsmpError.DECAPSULATION_FAILURE, ex.getMessage());
        } finally {
            ephemeral.close();
            ephemeral = null;
        }
        byte[] packet = emit(nextHeader(Flag.EXCHANGE_RESPONSE, 0), new byte[0]);
        state = SimplexServerState.ESTABLISHED;
        HandshakeResult result = new HandshakeResult(Mode.SIMPLEX, Role.SERVER, context.parameterSet(),
                context.macMode(), ciphers, txSequence, rxSequence, localKey, null);
        return new Step.Established(packet, result);
    }

    @Override
    protected void wipe() {
        if (ephemeral != null) {
            ephemeral.close();
        }
    }
}
