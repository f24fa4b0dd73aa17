package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for one test class: {@code initdb} into a fresh directory under
 * {@code target/}, {@code pg_ctl start} on a free port (TCP on 127.0.0.1 only, the socket in the data
 * directory), {@link #close()} stops it ({@code -m fast}) and deletes the directory. Run as root, the
 * server runs as user {@code postgres} ({@code runuser}), which must own the data directory.
 *
 * <p>Without the PostgreSQL binaries the tests fail, never skip: install Debian's {@code postgresql}
 * package (.ci/run does). {@code QSMP_PG_BIN} may name another bin directory.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path dir = Files.createTempDirectory(target, "pg-");
        Path data = dir.resolve("data");
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (root) {
            // postgres must reach target/ (it can if every parent is world-searchable) and own its data
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            run(List.of("chown", "postgres:postgres", data.toString()), "chown of the data directory");
        }
        int port = freePort();
        // a Unix socket path is limited to ~107 bytes; a deep checkout falls back to /tmp
        String socketDir = data.toString().length() < 80 ? data.toString() : "/tmp";
        PostgresCluster cluster = new PostgresCluster(bin, data, port, root);
        try {
            cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--no-sync"), "initdb");
            // fsync off: the cluster dies with the test, and the tests never crash the server itself
            cluster.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                    "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start"),
                    "pg_ctl start");
        } catch (IOException | RuntimeException | InterruptedException | AssertionError e) {
            cluster.deleteQuietly(dir);
            throw e;
        }
        return cluster;
    }

    private static Path findBinaries() {
        String configured = System.getenv("QSMP_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        Path preferred = Path.of("/usr/lib/postgresql/15/bin");
        if (Files.isExecutable(preferred.resolve("initdb"))) {
            return preferred;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new AssertionError(missingMessage()));
        } catch (IOException e) {
            throw new AssertionError(missingMessage(), e);
        }
    }

    private static String missingMessage() {
        return "the PostgreSQL store tests need the PostgreSQL server binaries (initdb, pg_ctl) in "
                + "/usr/lib/postgresql/<version>/bin and found none: install Debian's postgresql package "
                + "(apt-get install -y postgresql; .ci/run does this) or set QSMP_PG_BIN to their directory."
                + (Boolean.parseBoolean(System.getenv("CI")) ? " (CI=true)" : "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A new, empty database; its JDBC URL. */
    public String createDatabase() {
        String name = "directory_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + " on port " + port + " failed", e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    public int port() {
        return port;
    }

    /** Runs {@code sql} in database {@code postgres} as the superuser; the number of rows it returns. */
    int superuser(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database)); Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                int n = 0;
                try (var rs = s.getResultSet()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                return n;
            }
            return s.getUpdateCount();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                    "pg_ctl stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the cluster in " + dataDir, e);
        } finally {
            deleteQuietly(dataDir.getParent());
        }
    }

    private void pg(List<String> command, String what) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, what);
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(what + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            fail(what + " failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
    }

    private void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("PostgresCluster: could not delete " + dir + ": " + e);
        }
    }
}
