package io.pqagent.agent.pqs;

import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PQS server (docs/pqs.md §5): a QSMP Simplex listener signing with the PQS server key, one
 * {@link PqsSession} per tunnel. Messages arrive on the tunnel's event loop and are handed to the
 * session's own worker thread, so Argon2id and OS commands never block the network.
 */
public final class PqsServer implements AutoCloseable {
    private final QsmpServer listener;
    private final Map<Tunnel, PqsSession> sessions = new ConcurrentHashMap<>();

    private PqsServer(QsmpNetwork network, SigningKeyRecord key, InetSocketAddress bind, PqsUsers users,
            PqsServerSettings settings, PqsDiagnostics diagnostics, PqsAudit audit) {
        TransportSettings transport = TransportSettings.DEFAULTS.withKeepAlive(settings.keepAliveInterval(),
                settings.keepAliveTimeout());
        this.listener = network.startSimplex(HandshakeContext.defaults(key.parameterSet()), key, bind, transport,
                new TunnelHandler() {
                    @Override
                    public void onOpen(Tunnel tunnel) {
                        sessions.put(tunnel, new PqsSession(tunnel, users, settings, diagnostics, audit));
                    }

                    @Override
                    public void onMessage(Tunnel tunnel, byte[] message) {
                        PqsSession s = sessions.get(tunnel);
                        if (s != null) {
                            s.receive(message);
                        }
                    }

                    @Override
                    public void onClosed(Tunnel tunnel, TunnelClosed why) {
                        PqsSession s = sessions.remove(tunnel);
                        if (s != null) {
                            s.closed(why);
                        }
                    }
                });
    }

    public static PqsServer start(QsmpNetwork network, SigningKeyRecord key, InetSocketAddress bind, PqsUsers users,
            PqsServerSettings settings, PqsDiagnostics diagnostics, PqsAudit audit) {
        return new PqsServer(network, key, bind, users, settings, diagnostics, audit);
    }

    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    /** Sessions open at this moment (logged in or not). */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        listener.quit();
    }
}
