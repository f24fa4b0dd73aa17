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
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents in one JVM over real loopback sockets: TCP connections to a service port on "alpha" reach
 * an echo server behind "bravo" through the one tunnel, many at once; refused and unexposed targets end
 * the client's connection at once; the listening side's ratchet request makes the dialer ratchet.
 */
class ForwardedServicesTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    @TempDir
    Path dir;

    private final EntropySource entropy = EntropySource.system();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private QsmpNetwork network;
    private ServerSocket echo;
    private PeerLinks alphaLinks;
    private ServiceHub alphaHub;
    private ServiceHub bravoHub;
    private int refusedPort;

    @BeforeEach
    void twoAgents() throws Exception {
        network = QsmpNetwork.create();
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        RecordAuthority authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
        SigningKeyRecord alphaKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        SigningKeyRecord bravoKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        RecordCache alphaCache = RecordCache.open(dir.resolve("a"), authority.publicKey(), Clock.system(0));
        RecordCache bravoCache = RecordCache.open(dir.resolve("b"), authority.publicKey(), Clock.system(0));
        for (RecordCache c : List.of(alphaCache, bravoCache)) {
            c.offer(authority.sign(DirectoryRecord.active(alphaKey.publicRecord(), 1, 1, "alpha", "", List.of()), entropy));
            c.offer(authority.sign(DirectoryRecord.active(bravoKey.publicRecord(), 2, 1, "bravo", "", List.of()), entropy));
        }
        authority.close();

        echo = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        io.pqagent.agent.testing.Loopback.serve(echo, true);
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = probe.getLocalPort(); // closed again: connecting to it is refused
        }
        HostPort echoAt = new HostPort("127.0.0.1", echo.getLocalPort());
        HostPort refusedAt = new HostPort("127.0.0.1", refusedPort);

        HandshakeContext ctx = HandshakeContext.defaults(SET);
        AuditLog audit = AuditLog.to(new ByteArrayOutputStream(), java.time.Clock.systemUTC());
        bravoHub = new ServiceHub(peer -> "bravo".compareTo(peer) < 0, StreamFilters.load(), audit);
        PeerLinks bravoLinks = new PeerLinks("bravo", network, ctx, () -> bravoKey, bravoCache,
                TransportSettings.DEFAULTS, bravoHub);
        alphaHub = new ServiceHub(peer -> "alpha".compareTo(peer) < 0, StreamFilters.load(), audit);
        alphaLinks = new PeerLinks("alpha", network, ctx, () -> alphaKey, alphaCache, TransportSettings.DEFAULTS,
                alphaHub);
        alphaHub.onRatchetRequest((peer, kind) -> alphaLinks.ratchet(peer, kind));
        opened.addAll(List.of(alphaHub, bravoHub, alphaLinks, bravoLinks));

        bravoHub.configure(List.of(), List.of(
                new ExposeConfig("echo", "alpha", ServiceProtocol.RAW, echoAt, ServicePolicy.EMPTY),
                new ExposeConfig("nothing", "alpha", ServiceProtocol.RAW, refusedAt, ServicePolicy.EMPTY)));
        InetSocketAddress bravoAt = bravoLinks.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        bravoLinks.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT)));
        alphaHub.configure(List.of(
                new ServiceConfig("echo", "bravo", ServiceProtocol.RAW, freeLocal(), echoAt, ServicePolicy.EMPTY),
                new ServiceConfig("refused", "bravo", ServiceProtocol.RAW, freeLocal(), refusedAt, ServicePolicy.EMPTY),
                new ServiceConfig("unexposed", "bravo", ServiceProtocol.RAW, freeLocal(), new HostPort("127.0.0.1", 9),
                        ServicePolicy.EMPTY)), List.of());
        alphaLinks.configure(List.of(new PeerSpec("bravo", bravoAt, RatchetSchedule.DEFAULT)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (alphaLinks.status().get(0).state() != LinkState.UP) {
            assertThat(System.nanoTime()).as("tunnel up within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(200); // the hubs hear of the tunnel on its event loop
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        echo.close();
        network.close();
    }

    @Test
    void fiftyConcurrentConnectionsCarryTheirBytesIntact() throws Exception {
        InetSocketAddress service = alphaHub.localAddress("echo").orElseThrow();
        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int seed = i;
            results.add(clients.submit((Callable<Boolean>) () -> roundTrip(service, seed, 20_000 + seed * 1_000)));
        }
        for (Future<Boolean> r : results) {
            assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
        }
        clients.shutdown();
    }

    /** A writer that never pauses must be slowed by the windows, not overrun them (it once broke at 10 MB). */
    @Test
    void aWriterThatNeverPausesGetsTwentyMegabytesThroughIntact() throws Exception {
        assertThat(roundTrip(alphaHub.localAddress("echo").orElseThrow(), 3, 20_000_000)).isTrue();
    }

    @Test
    void aRefusedOrUnexposedTargetEndsTheClientsConnectionAtOnce() throws Exception {
        for (String name : List.of("refused", "unexposed")) {
            try (Socket s = new Socket()) {
                s.connect(alphaHub.localAddress(name).orElseThrow(), 10_000);
                s.setSoTimeout(10_000); // a hang fails the test instead of blocking it
                s.getOutputStream().write(new byte[] {1, 2, 3});
                assertThat(s.getInputStream().read()).as(name + ": closed, not hanging").isEqualTo(-1);
            }
        }
    }

    @Test
    void theListeningSideAsksTheDialerForARatchet() throws Exception {
        long before = alphaLinks.status().get(0).ratchets();
        assertThat(bravoHub.requestRatchet("alpha", RatchetKind.ASYMMETRIC)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (alphaLinks.status().get(0).ratchets() == before) {
            assertThat(System.nanoTime()).as("ratchet within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        // and the tunnel still carries data afterwards
        assertThat(roundTrip(alphaHub.localAddress("echo").orElseThrow(), 99, 10_000)).isTrue();
    }

    private static HostPort freeLocal() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new HostPort("127.0.0.1", s.getLocalPort());
        }
    }

    private static boolean roundTrip(InetSocketAddress service, int seed, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        try (Socket s = new Socket()) {
            s.connect(service, 10_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(data);
                    s.shutdownOutput();
                } catch (Exception e) {
                    // the reader reports the failure
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            byte[] back = in.readAllBytes();
            writer.join();
            return Arrays.equals(back, data);
        }
    }
}
