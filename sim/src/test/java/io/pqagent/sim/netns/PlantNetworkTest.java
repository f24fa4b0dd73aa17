package io.pqagent.sim.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real namespaces, bridge and veths (root and iproute2 required: the tests fail, not skip, without them):
 * sites reach the host address and each other, not each other's loopback; Unix sockets by path cross;
 * close leaves nothing; leftovers of dead runners are removed and those of live ones kept.
 */
class PlantNetworkTest {
    /** Scenario text with characters no interface name may hold: names must come from indexes. */
    private static final String SITE_A = "substation A (north/../x; y)";
    private static final String SITE_B = "control-centre-with-a-long-name";

    private Path dir;

    @BeforeEach
    void requireRootAndIp() throws IOException {
        assertThat(PlantNetwork.unavailableReason()).as("these tests need root and `ip` (CI runs as root)").isEmpty();
        dir = Files.createTempDirectory("netns-");
    }

    @AfterEach
    void deleteDir() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aSiteReachesAListenerOnTheHostAddress() throws Exception {
        try (PlantNetwork net = PlantNetwork.create(List.of(SITE_A, SITE_B));
                ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(net.hostAddress()), 0));
            server.setSoTimeout(10_000); // a guard against a hang, not a timing assertion
            Result sent = exec(net.commandPrefix(SITE_A), "bash", "-c", "exec 3<>/dev/tcp/$0/$1; echo hi >&3",
                    net.hostAddress(), String.valueOf(server.getLocalPort()));
            assertThat(sent.exit()).as(sent.err()).isZero();
            try (Socket s = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("hi");
                assertThat(s.getInetAddress().getHostAddress()).as("it came from site A's eth0").isEqualTo(net.address(SITE_A));
            }
            assertThat(net.namespace(SITE_A)).matches("pqsim-[0-9a-f]+-0");
            assertThat(net.namespace(SITE_B)).matches("pqsim-[0-9a-f]+-1");
            assertThat(net.hostAddress()).matches("10\\.\\d+\\.\\d+\\.1");
            assertThat(net.address(SITE_A)).isEqualTo(net.hostAddress().replaceFirst("1$", "10"));
            assertThat(net.address(SITE_B)).isEqualTo(net.hostAddress().replaceFirst("1$", "11"));
        }
    }

    @Test
    void sitesReachEachOthersAddressButNotEachOthersLoopback() throws Exception {
        int loopbackPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            loopbackPort = probe.getLocalPort(); // free in the root namespace, so a refusal there means something
        }
        try (PlantNetwork net = PlantNetwork.create(List.of(SITE_A, SITE_B))) {
            List<String> server = new ArrayList<>(net.commandPrefix(SITE_B));
            server.addAll(List.of("/usr/bin/python3", "-c", String.join("\n",
                    "import socket, sys",
                    "public = socket.create_server((sys.argv[1], 0))",
                    "local = socket.create_server(('127.0.0.1', int(sys.argv[2])))",
                    "print(public.getsockname()[1], flush=True)",
                    "c, _ = public.accept()",
                    "c.sendall(b'pong\\n')",
                    "c.close()",
                    "sys.stdin.read()  # keep the loopback listener until the test ends"),
                    net.address(SITE_B), String.valueOf(loopbackPort)));
            Process b = new ProcessBuilder(server).redirectError(dir.resolve("b.err").toFile()).start();
            try {
                String port = new BufferedReader(new InputStreamReader(b.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertThat(port).as("B's server started: %s", Files.readString(dir.resolve("b.err"))).isNotNull();

                Result fromA = exec(net.commandPrefix(SITE_A), "bash", "-c", "exec 3<>/dev/tcp/$0/$1; cat <&3",
                        net.address(SITE_B), port);
                assertThat(fromA.exit()).as(fromA.err()).isZero();
                assertThat(fromA.out()).isEqualTo("pong\n");

                String connect = "exec 3<>/dev/tcp/$0/$1";
                Result insideB = exec(net.commandPrefix(SITE_B), "bash", "-c", connect, "127.0.0.1", String.valueOf(loopbackPort));
                assertThat(insideB.exit()).as("B's loopback listener is there: %s", insideB.err()).isZero();
                for (String target : List.of("127.0.0.1", net.address(SITE_B))) {
                    Result r = exec(net.commandPrefix(SITE_A), "bash", "-c", connect, target, String.valueOf(loopbackPort));
                    assertThat(r.exit()).as("A -> %s:%d", target, loopbackPort).isNotZero();
                    assertThat(r.err()).contains("Connection refused");
                    assertThatThrownBy(() -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(InetAddress.getByName(target), loopbackPort), 10_000);
                        }
                    }).as("root namespace -> %s:%d", target, loopbackPort).isInstanceOf(ConnectException.class);
                }
            } finally {
                b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSiteReachesAUnixSocketMadeInTheRootNamespaceByItsPath() throws Exception {
        Path socket = dir.resolve("control.sock");
        try (PlantNetwork net = PlantNetwork.create(List.of(SITE_A));
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            // The client connects (into the backlog), writes and exits before the accept: no accept can hang.
            Result sent = exec(net.commandPrefix(SITE_A), "/usr/bin/python3", "-c",
                    "import socket, sys\ns = socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\ns.sendall(b'status')",
                    socket.toString());
            assertThat(sent.exit()).as(sent.err()).isZero();
            try (SocketChannel c = server.accept()) {
                ByteBuffer buf = ByteBuffer.allocate(64);
                while (c.read(buf) >= 0) {
                    // until the client's end of stream
                }
                assertThat(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII)).isEqualTo("status");
            }
        }
    }

    @Test
    void closeRemovesTheNamespacesVethsAndBridgeAndASecondCloseIsHarmless() throws Exception {
        PlantNetwork net = PlantNetwork.create(List.of(SITE_A, SITE_B));
        List<String> namespaces = List.of(net.namespace(SITE_A), net.namespace(SITE_B));
        String bridge = net.bridge();
        String vethPrefix = "pq" + bridge.substring(3) + "h";
        assertThat(namespaceNames()).containsAll(namespaces);
        assertThat(linkNames()).contains(bridge, vethPrefix + "0", vethPrefix + "1");

        net.close();
        assertThat(namespaceNames()).doesNotContainAnyElementsOf(namespaces);
        assertThat(linkNames()).noneMatch(n -> n.equals(bridge) || n.startsWith(vethPrefix));
        net.close();
        try (PlantNetwork again = PlantNetwork.create(List.of(SITE_A))) {
            assertThat(again.namespace(SITE_A)).as("the process may open a new one").isEqualTo(namespaces.get(0));
        }
    }

    @Test
    void createRemovesLeftoversOfADeadRunnerAndKeepsThoseOfALiveOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        PlantNames dead = new PlantNames(gone.pid());
        PlantNames alive = new PlantNames(1); // init is always running
        try {
            IpCommand.run("netns", "add", dead.namespace(0));
            IpCommand.run("netns", "add", dead.namespace(1));
            IpCommand.run("link", "add", dead.bridge(), "type", "bridge");
            IpCommand.run("link", "add", dead.hostVeth(0), "master", dead.bridge(), "type", "veth", "peer", "name",
                    "eth0", "netns", dead.namespace(0));
            IpCommand.run("netns", "add", alive.namespace(0));

            try (PlantNetwork net = PlantNetwork.create(List.of(SITE_A))) {
                assertThat(namespaceNames()).doesNotContain(dead.namespace(0), dead.namespace(1))
                        .contains(alive.namespace(0), net.namespace(SITE_A));
                assertThat(linkNames()).doesNotContain(dead.bridge(), dead.hostVeth(0));
            }
            assertThat(namespaceNames()).contains(alive.namespace(0));
        } finally {
            for (String ns : List.of(alive.namespace(0), dead.namespace(0), dead.namespace(1))) {
                deleteQuietly("netns", "del", ns);
            }
            deleteQuietly("link", "del", dead.hostVeth(0));
            deleteQuietly("link", "del", dead.bridge());
        }
    }

    @Test
    void aFailureHalfWayUndoesWhatWasMadeAndNamesTheCommand() throws Exception {
        PlantNames mine = new PlantNames(ProcessHandle.current().pid());
        String inTheWay = mine.namespace(1); // this pid is alive: create's cleanup leaves it, and site 1 collides
        IpCommand.run("netns", "add", inTheWay);
        try {
            assertThatThrownBy(() -> PlantNetwork.create(List.of(SITE_A, SITE_B))).isInstanceOf(IOException.class)
                    .hasMessageContaining("`ip netns add " + inTheWay + "` failed").hasMessageContaining("File exists");
            assertThat(namespaceNames()).contains(inTheWay).doesNotContain(mine.namespace(0));
            assertThat(linkNames()).doesNotContain(mine.bridge(), mine.hostVeth(0));
            try (PlantNetwork net = PlantNetwork.create(List.of(SITE_A))) {
                assertThat(net.namespace(SITE_A)).as("a failed create leaves the process free to try again")
                        .isEqualTo(mine.namespace(0));
            }
        } finally {
            deleteQuietly("netns", "del", inTheWay);
        }
    }

    @Test
    void anUnknownSiteIsRefused() throws Exception {
        try (PlantNetwork net = PlantNetwork.create(List.of(SITE_A))) {
            assertThatThrownBy(() -> net.address(SITE_B)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(SITE_B);
            assertThatThrownBy(() -> net.namespace("")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> net.commandPrefix(SITE_B)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void badSiteListsAreRefusedBeforeAnythingIsMade() throws Exception {
        List<String> namespacesBefore = namespaceNames();
        List<String> linksBefore = linkNames();
        List<String> tooMany = IntStream.range(0, 201).mapToObj(i -> "site-" + i).toList();
        assertThatThrownBy(() -> PlantNetwork.create(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200");
        assertThatThrownBy(() -> PlantNetwork.create(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlantNetwork.create(List.of("a", "b", "a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' appears twice");
        assertThat(namespaceNames()).isEqualTo(namespacesBefore);
        assertThat(linkNames()).isEqualTo(linksBefore);
    }

    @Test
    void aSecondNetworkInTheSameProcessIsRefusedAndTheFirstStaysIntact() throws Exception {
        try (PlantNetwork first = PlantNetwork.create(List.of(SITE_A))) {
            assertThatThrownBy(() -> PlantNetwork.create(List.of(SITE_B))).isInstanceOf(IllegalStateException.class);
            assertThat(namespaceNames()).contains(first.namespace(SITE_A));
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private Result exec(List<String> prefix, String... command) throws Exception {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(Arrays.asList(command));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) { // a guard against a hang, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError(line + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> namespaceNames() throws IOException {
        return IpCommand.run("netns", "list").lines().map(l -> l.trim().split("\\s+")[0]).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> linkNames() throws IOException {
        return IpCommand.run("-o", "link", "show").lines().map(l -> l.trim().split("\\s+")[1])
                .map(n -> n.replaceFirst("@.*", "").replaceFirst(":$", "")).toList();
    }

    private static void deleteQuietly(String... ipArgs) {
        try {
            IpCommand.run(ipArgs);
        } catch (IOException alreadyGone) {
            // cleanup after a failed assertion; most of these are gone by now
        }
    }
}
