package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/** Keys, contexts and a recording handler for transport tests on loopback. */
final class TransportFixture {
    static final InetSocketAddress IPV4 = new InetSocketAddress("127.0.0.1", 0);
    static final InetSocketAddress IPV6 = new InetSocketAddress("::1", 0);
    private static final Map<String, SigningKeyRecord> KEYS = new ConcurrentHashMap<>();

    private TransportFixture() {
    }

    static SigningKeyRecord key(ParameterSet set, String name) {
        return KEYS.computeIfAbsent(set + "/" + name, n -> {
            EntropySource e = EntropySource.system();
            return KeyGeneration.generate(set, KeyId.random(e), KeyGeneration.defaultExpiration(Clock.system(0)), e);
        });
    }

    static SigningKeyRecord expiredKey(ParameterSet set) {
        EntropySource e = EntropySource.system();
        return KeyGeneration.generate(set, KeyId.random(e), System.currentTimeMillis() / 1000 - 10, e);
    }

    static HandshakeContext context(ParameterSet set) {
        return new HandshakeContext(set, MacMode.KMAC, Clock.system(0), EntropySource.system());
    }

    static List<InetSocketAddress> loopbacks() {
        return List.of(IPV4, IPV6);
    }

    static InetSocketAddress at(QsmpServer server) {
        return new InetSocketAddress(server.localAddress().getAddress(), server.localAddress().getPort());
    }

    /** Records messages and ends; optionally echoes. */
    static final class Recorder implements TunnelHandler {
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<TunnelClosed> ends = new LinkedBlockingQueue<>();
        final boolean echo;

        Recorder(boolean echo) {
            this.echo = echo;
        }

        @Override
        public void onMessage(Tunnel tunnel, byte[] message) {
            messages.add(message);
            if (echo) {
                tunnel.send(message);
            }
        }

        @Override
        public void onClosed(Tunnel tunnel, TunnelClosed why) {
            ends.add(why);
        }
    }
}
