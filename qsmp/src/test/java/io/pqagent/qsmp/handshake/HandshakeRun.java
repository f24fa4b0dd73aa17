package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Two handshake machines in memory, packet by packet, with deterministic randomness and a fixed clock,
 * so that the same run can be repeated with one packet altered on the way.
 */
final class HandshakeRun {
    static final long NOW = 1_760_000_000L;
    private static final Map<ParameterSet, SigningKeyRecord[]> KEYS = new ConcurrentHashMap<>();

    final Mode mode;
    final ParameterSet set;
    final HandshakeContext clientContext;
    final HandshakeContext serverContext;
    final ClientHandshake client;
    final HandshakeMachine clientMachine;
    final HandshakeMachine serverMachine;
    /** Packets in the order they were sent, as sent (before any alteration). */
    final List<byte[]> sent = new ArrayList<>();
    Step.Established clientDone;
    Step.Established serverDone;
    Step.Failed failure;
    /** Which side failed: true for the server. */
    boolean failedAtServer;

    HandshakeRun(Mode mode, ParameterSet set, MacMode mac, String seed) {
        this.mode = mode;
        this.set = set;
        SigningKeyRecord[] keys = keys(set);
        Clock clock = Clock.fixed(NOW);
        clientContext = new HandshakeContext(set, mac, clock, new ShakeEntropy("client-" + seed));
        serverContext = new HandshakeContext(set, mac, clock, new ShakeEntropy("server-" + seed));
        if (mode == Mode.DUPLEX) {
            DuplexClientHandshake c = new DuplexClientHandshake(clientContext, keys[0], keys[1].publicRecord());
            client = c;
            clientMachine = c;
            serverMachine = new DuplexServerHandshake(serverContext, keys[1],
                    KeyQuery.of(keys[0].verificationKey()), null);
        } else {
            SimplexClientHandshake c = new SimplexClientHandshake(clientContext, keys[1].publicRecord());
            client = c;
            clientMachine = c;
            serverMachine = new SimplexServerHandshake(serverContext, keys[1]);
        }
    }

    /** Long-term keys per parameter set: client's [0], server's [1]; generated once. */
    static SigningKeyRecord[] keys(ParameterSet set) {
        return KEYS.computeIfAbsent(set, s -> {
            ShakeEntropy e = new ShakeEntropy("long-term-" + s.name());
            long exp = NOW + QsmpConstants.PUBKEY_DURATION_SECONDS;
            return new SigningKeyRecord[] {
                KeyGeneration.generate(s, KeyId.random(e), exp, e),
                KeyGeneration.generate(s, KeyId.random(e), exp, e)};
        });
    }

    /**
     * Runs the handshake; packet number {@code alterIndex} (0 = connect request) passes through
     * {@code alter} before its receiver sees it. Returns when both are established or one failed.
     */
    HandshakeRun run(int alterIndex, UnaryOperator<byte[]> alter) {
        Step step = client.start();
        boolean toServer = true;
        while (true) {
            byte[] packet;
            if (step instanceof Step.Send send) {
                packet = send.packet();
            } else if (step instanceof Step.Established est) {
                if (toServer) {
                    clientDone = est;
                } else {
                    serverDone = est;
                }
                if (est.packet() == null) {
                    return this;
                }
                packet = est.packet();
            } else {
                failure = (Step.Failed) step;
                failedAtServer = !toServer;
                return this;
            }
            sent.add(packet);
            byte[] delivered = sent.size() - 1 == alterIndex ? alter.apply(packet.clone()) : packet;
            step = toServer ? serverMachine.process(delivered) : clientMachine.process(delivered);
            toServer = !toServer;
        }
    }

    HandshakeRun run() {
        return run(-1, p -> p);
    }

    boolean established() {
        return clientDone != null && serverDone != null;
    }
}
