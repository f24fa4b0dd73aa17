package io.pqagent.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.config.ExposeConfig;
import io.pqagent.agent.config.HostPort;
import io.pqagent.agent.config.RatchetSchedule;
import io.pqagent.agent.config.ServiceConfig;
import io.pqagent.agent.config.ServicePolicy;
import io.pqagent.agent.config.ServiceProtocol;
import io.pqagent.agent.filter.StreamFilters;
import io.pqagent.agent.link.LinkState;
import io.pqagent.agent.link.PeerLinks;
import io.pqagent.agent.link.PeerSpec;
import io.pqagent.agent.mux.MuxLimits;
import io.pqagent.agent.observe.AuditLog;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents in this JVM over real sockets, with a relay between them that stops reading from the
 * dialer, as a stalled peer or network would. Many streams then have credit to send (each the peer's
 * whole receive window) but the tunnel takes nothing: what the dialer pushes into its tunnel must stay
 * within what the kernel's buffers hold plus the transport's water mark, not grow to streams × window;
 * once the relay reads again, every stream completes intact.
 */
class TunnelBackpressureIntegrationTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    private static final int STREAMS = 64;
    /** More than one receive window per stream, so every stream could fill its whole credit. */
    private static final int PER_STREAM = MuxLimits.MAX_WINDOW + 64 * 1024;

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aPeerThatStopsReadingHoldsTheSenderToItsSocketBuffersAndAllStreamsCompleteAfterwards() throws Exception {
        EntropySource entropy = EntropySource.system();
        QsmpNetwork network = QsmpNetwork.create();
        opened.add(network::close);
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        RecordAuthority authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
        SigningKeyRecord alphaKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        SigningKeyRecord bravoKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        List<RecordCache> caches = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            RecordCache c = RecordCache.open(dir.resolve(name), authority.publicKey(), Clock.system(0));
            c.offer(authority.sign(DirectoryRecord.active(alphaKey.publicRecord(), 1, 1, "alpha", "", List.of()), entropy));
            c.offer(authority.sign(DirectoryRecord.active(bravoKey.publicRecord(), 2, 1, "bravo", "", List.of()), entropy));
            caches.add(c);
        }
        authority.close();
        ServerSocket echo = new ServerSocket(0, STREAMS + 10, InetAddress.getLoopbackAddress());
        opened.add(echo);
        io.pqagent.agent.testing.Loopback.serve(echo, true);
        HostPort echoAt = new HostPort("127.0.0.1", echo.getLocalPort());

        HandshakeContext ctx = HandshakeContext.defaults(SET);
        AuditLog audit = AuditLog.to(new ByteArrayOutputStream(), java.time.Clock.systemUTC());
        ServiceHub bravoHub = new ServiceHub(peer -> "bravo".compareTo(peer) < 0, StreamFilters.load(), audit);
        PeerLinks bravoLinks = new PeerLinks("bravo", network, ctx, () -> bravoKey, caches.get(1),
                TransportSettings.DEFAULTS, bravoHub);
        ServiceHub alphaHub = new ServiceHub(peer -> "alpha".compareTo(peer) < 0, StreamFilters.load(), audit);
        PeerLinks alphaLinks = new PeerLinks("alpha", network, ctx, () -> alphaKey, caches.get(0),
                TransportSettings.DEFAULTS, alphaHub);
        opened.addAll(List.of(alphaHub, bravoHub, alphaLinks, bravoLinks));
        bravoHub.configure(List.of(), List.of(new ExposeConfig("echo", "alpha", ServiceProtocol.RAW, echoAt,
                ServicePolicy.EMPTY)));
        InetSocketAddress bravoAt = bravoLinks.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        bravoLinks.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT)));
        PausableRelay relay = new PausableRelay(bravoAt);
        opened.add(relay);
        HostPort local;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            local = new HostPort("127.0.0.1", probe.getLocalPort());
        }
        alphaHub.configure(List.of(new ServiceConfig("echo", "bravo", ServiceProtocol.RAW, local, echoAt,
                ServicePolicy.EMPTY)), List.of());
        alphaLinks.configure(List.of(new PeerSpec("bravo", relay.address(), RatchetSchedule.DEFAULT)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (alphaLinks.status().get(0).state() != LinkState.UP) {
            assertThat(System.nanoTime()).as("tunnel up within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }

        // every stream open, its peer's whole window granted: one echoed byte each proves it
        InetSocketAddress service = alphaHub.localAddress("echo").orElseThrow();
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            Socket s = new Socket();
            s.connect(service, 10_000);
            s.setSoTimeout(60_000);
            s.getOutputStream().write(i);
            assertThat(s.getInputStream().read()).isEqualTo(i & 0xFF);
            clients.add(s);
            opened.add(s);
        }

        relay.pause(true);
        long pushedBefore = alphaLinks.status().get(0).bytesOut();
        long relayedBefore = relay.fromDialer.get();
        ExecutorService threads = Executors.newFixedThreadPool(2 * STREAMS);
        opened.add(threads::shutdownNow);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> echoes = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            Socket s = clients.get(i);
            byte[] data = new byte[PER_STREAM];
            new Random(i).nextBytes(data);
            threads.submit(() -> {
                go.await();
                s.getOutputStream().write(data);
                s.shutdownOutput();
                return null;
            });
            echoes.add(threads.submit(() -> Arrays.equals(s.getInputStream().readAllBytes(), data)));
        }
        go.countDown();

        // wait until the dialer stops pushing (a second without growth), then weigh what it pushed
        long pushed = -1;
        long settleBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < settleBy) {
            long now = alphaLinks.status().get(0).bytesOut() - pushedBefore;
            if (now == pushed && now > 0) {
                break;
            }
            pushed = now;
            Thread.sleep(1_000);
        }
        long inFlight = pushed - (relay.fromDialer.get() - relayedBefore);
        // the dialer's socket send buffer (autotuned up to tcp_wmem's maximum), the relay's fixed receive
        // buffer (the kernel doubles it), and 1 MiB for the transport's water mark and one message
        long bound = sendBufferMax() + 2L * PausableRelay.RECEIVE_BUFFER + 1024 * 1024;
        long withoutBackpressure = (long) STREAMS * MuxLimits.MAX_WINDOW;
        System.out.printf("pushed into the stalled tunnel: %d bytes, not yet read by the relay: %d (bound %d; "
                + "without backpressure up to %d)%n", pushed, inFlight, bound, withoutBackpressure);
        assertThat(withoutBackpressure).as("the test can tell the difference").isGreaterThan(2 * bound);
        assertThat(inFlight).as("bytes held for a peer that does not read").isLessThanOrEqualTo(bound);

        relay.pause(false);
        for (Future<Boolean> e : echoes) {
            assertThat(e.get(120, TimeUnit.SECONDS)).as("every stream's echo intact").isTrue();
        }
        assertThat(alphaLinks.status().get(0).tunnelsOpened()).as("the tunnel held throughout").isEqualTo(1);
    }

    /** Linux's ceiling for an autotuned TCP send buffer. */
    private static long sendBufferMax() throws java.io.IOException {
        Path wmem = Path.of("/proc/sys/net/ipv4/tcp_wmem");
        assertThat(wmem).as("Linux TCP settings").exists();
        // readString trusts the size /proc reports and can stop short; line reading goes to the end
        String[] fields = Files.readAllLines(wmem).get(0).trim().split("\\s+");
        return Long.parseLong(fields[2]);
    }
}
