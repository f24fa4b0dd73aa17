package io.pqagent.agent.config;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the agent's YAML file (Commons Configuration 2, SnakeYAML underneath) into an {@link AgentConfig},
 * or fails with every problem it found, each naming the file, the key and what is wrong. Unknown keys are
 * errors, files the agent will need are checked now (existence, readability, and the key files' format),
 * and relative paths are resolved against the file's directory.
 */
public final class ConfigLoader {
    /** Far above any real configuration; bounds what is read before parsing. */
    static final long MAX_FILE_SIZE = 1L << 20;

    private static final String[] TOP_LEVEL = {"name", "identity", "clock-offset-seconds", "mac-mode", "rcs-rounds", "parameter-set",
        "listen", "directory", "peer-defaults", "peers", "services", "expose", "metrics", "log", "control-socket", "pqs"};
    private static final Path DEFAULT_CONTROL_SOCKET = Path.of("/run/qsmp-agent/control.sock");
    private static final Path DEFAULT_DIRECTORY_CACHE = Path.of("/var/lib/qsmp-agent/directory.cache");
    /** ±1 day: the reference's offsets are time-zone sized; more is a unit mistake. */
    private static final long MAX_CLOCK_OFFSET = 86_400L;

    private final Function<String, String> environment;
    private final boolean identityRequired;

    /** @param environment looks up environment variables (for {@code identity.passphrase-env}); null if unset */
    public ConfigLoader(Function<String, String> environment) {
        this(environment, true);
    }

    private ConfigLoader(Function<String, String> environment, boolean identityRequired) {
        this.environment = environment;
        this.identityRequired = identityRequired;
    }

    /** Loads a configuration whose identity does not exist yet ({@code qsmp-agent init} creates it). */
    public static AgentConfig loadForInit(Path file) throws ConfigException {
        return new ConfigLoader(System::getenv, false).read(file);
    }

    /** Loads {@code file} with the process environment. */
    public static AgentConfig load(Path file) throws ConfigException {
        return new ConfigLoader(System::getenv).read(file);
    }

    public AgentConfig read(Path file) throws ConfigException {
        Problems problems = new Problems(file);
        Path absolute = file.toAbsolutePath().normalize();
        ImmutableNode root = parse(absolute, problems);
        problems.throwIfAny();
        ConfigNode top = new ConfigNode(root, "", absolute.getParent(), problems);
        Optional<AgentConfig> config = readTop(top, absolute);
        problems.sortByTopLevelOrder(root.getChildren().stream().map(ImmutableNode::getNodeName).distinct().toList());
        problems.throwIfAny();
        return config.orElseThrow(() -> new IllegalStateException("no configuration and no problem reported"));
    }

    private static ImmutableNode parse(Path file, Problems problems) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                problems.add("", Files.exists(file) ? "is not a regular file" : "does not exist");
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                problems.add("", "is " + size + " bytes, larger than the " + MAX_FILE_SIZE + "-byte limit");
                return null;
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            problems.add("", "is not UTF-8 text");
            return null;
        } catch (IOException e) {
            problems.add("", "cannot be read: " + e);
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // a repeated key would silently override the first
        options.setMaxAliasesForCollections(20);
        YAMLConfiguration yaml = new YAMLConfiguration();
        try {
            yaml.read(new StringReader(text), options);
        } catch (ConfigurationException e) {
            problems.add("", yamlError(e));
            return null;
        }
        return yaml.getNodeModel().getNodeHandler().getRootNode();
    }

    private static String yamlError(ConfigurationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                String where = m.getProblemMark() == null ? ""
                        : "line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1) + ": ";
                String context = m.getContext() == null ? "" : m.getContext() + ": ";
                return "YAML syntax error at " + where + context + m.getProblem();
            }
            if (t instanceof ClassCastException) {
                return "the file must be a YAML mapping of keys (name: ..., identity: ...), not a list or a single value";
            }
        }
        return "YAML cannot be parsed: " + e.getMessage();
    }

    private Optional<AgentConfig> readTop(ConfigNode top, Path file) {
        top.allowOnly(TOP_LEVEL);
        Optional<String> name = top.required("name", top.string("name"))
                .flatMap(n -> Names.checkOwner(top, "name", n));
        Optional<IdentityConfig> identity = top.required("identity", top.section("identity"))
                .flatMap(this::readIdentity);
        Optional<Long> clockOffset = top.has("clock-offset-seconds")
                ? top.integer("clock-offset-seconds", -MAX_CLOCK_OFFSET, MAX_CLOCK_OFFSET) : Optional.of(0L);
        Optional<MacMode> macMode = top.has("mac-mode") ? top.parsed("mac-mode", ConfigLoader::macMode)
                : Optional.of(MacMode.KMAC);
        Optional<BlockPath> rcsRounds = top.has("rcs-rounds") ? top.parsed("rcs-rounds", ConfigLoader::rcsRounds)
                : Optional.of(BlockPath.AUTO);
        Optional<ParameterSet> parameterSet = top.has("parameter-set")
                // profile rule 3: flagged sets (McEliece, SPHINCS+) are not offered to an agent's configuration
                ? top.parsed("parameter-set", text -> ParameterSet.select(text, false)) : Optional.of(ParameterSet.DEFAULT);
        Optional<HostPort> listen = readListen(top);
        Optional<DirectoryConfig> directory = top.required("directory", top.section("directory"))
                .flatMap(ConfigLoader::readDirectory);
        PeerDefaults defaults = readPeerDefaults(top);
        List<CrossChecks.Located<PeerConfig>> peers = new ArrayList<>();
        for (ConfigNode p : top.list("peers")) {
            readPeer(p, defaults).ifPresent(v -> peers.add(new CrossChecks.Located<>(p.path(), v)));
        }
        List<CrossChecks.Located<ServiceConfig>> services = new ArrayList<>();
        for (ConfigNode s : top.list("services")) {
            readService(s).ifPresent(v -> services.add(new CrossChecks.Located<>(s.path(), v)));
        }
        List<CrossChecks.Located<ExposeConfig>> expose = new ArrayList<>();
        for (ConfigNode e : top.list("expose")) {
            readExpose(e).ifPresent(v -> expose.add(new CrossChecks.Located<>(e.path(), v)));
        }
        Optional<MetricsConfig> metrics = top.has("metrics")
                ? top.section("metrics").flatMap(ConfigLoader::readMetrics) : Optional.of(MetricsConfig.DEFAULT);
        Optional<LogConfig> log = top.has("log") ? top.section("log").flatMap(ConfigLoader::readLog)
                : Optional.of(LogConfig.DEFAULT);
        Optional<Path> controlSocket = top.has("control-socket") ? top.path("control-socket")
                : Optional.of(DEFAULT_CONTROL_SOCKET);
        Optional<PqsConfig> pqs = top.has("pqs") ? top.section("pqs").flatMap(ConfigLoader::readPqs)
                : Optional.of(PqsConfig.DEFAULT);
        new CrossChecks(top).check(name, peers, services, expose, listen, metrics, pqs);

        if (name.isEmpty() || identity.isEmpty() || clockOffset.isEmpty() || macMode.isEmpty() || rcsRounds.isEmpty()
                || parameterSet.isEmpty() || listen.isEmpty() || directory.isEmpty() || metrics.isEmpty()
                || log.isEmpty() || controlSocket.isEmpty() || pqs.isEmpty()) {
            return Optional.empty();
        }
        AgentConfig config = new AgentConfig(file, name.get(), identity.get(), clockOffset.get(), macMode.get(),
                rcsRounds.get(), parameterSet.get(), listen.get(), directory.get(), CrossChecks.values(peers), CrossChecks.values(services),
                CrossChecks.values(expose), metrics.get(), log.get(), controlSocket.get(), pqs.get());
        return Optional.of(config);
    }

    private static MacMode macMode(String text) {
        return switch (text) {
            case "kmac" -> MacMode.KMAC;
            case "qmac" -> MacMode.QMAC;
            default -> throw new IllegalArgumentException("unknown MAC mode '" + text + "' (kmac or qmac)");
        };
    }

    private static BlockPath rcsRounds(String text) {
        return switch (text) {
            case "auto" -> BlockPath.AUTO;
            case "table" -> BlockPath.TABLE;
            case "constant-time" -> BlockPath.CONSTANT_TIME;
            default -> throw new IllegalArgumentException("unknown RCS rounds '" + text + "' (auto, table or constant-time)");
        };
    }

    private Optional<IdentityConfig> readIdentity(ConfigNode s) {
        s.allowOnly("dir", "passphrase-file", "passphrase-env", "key-file", "rotation-overlap");
        Optional<Path> dir = identityRequired
                ? s.required("dir", s.path("dir")).flatMap(d -> FileChecks.identityDir(s, "dir", d))
                : s.required("dir", s.path("dir"));
        List<String> given = List.of("passphrase-file", "passphrase-env", "key-file").stream().filter(s::has).toList();
        if (given.size() != 1) {
            s.problem(given.isEmpty() ? "passphrase-file" : given.get(1),
                    "set exactly one of identity.passphrase-file, identity.passphrase-env, identity.key-file"
                            + (given.isEmpty() ? "" : " (found " + String.join(" and ", given) + ")"));
            return Optional.empty();
        }
        Optional<UnlockSource> unlock = switch (given.get(0)) {
            case "passphrase-file" -> s.path("passphrase-file").flatMap(p -> FileChecks.readable(s, "passphrase-file", p))
                    .map(UnlockSource.PassphraseFile::new);
            case "key-file" -> s.path("key-file").flatMap(p -> FileChecks.readable(s, "key-file", p))
                    .map(UnlockSource.KeyFile::new);
            default -> s.parsed("passphrase-env", this::environmentVariable).map(UnlockSource.PassphraseEnv::new);
        };
        Optional<Duration> overlap = s.has("rotation-overlap")
                ? s.duration("rotation-overlap", IdentityConfig.MIN_OVERLAP, IdentityConfig.MAX_OVERLAP)
                : Optional.of(IdentityConfig.DEFAULT_OVERLAP);
        if (dir.isEmpty() || unlock.isEmpty() || overlap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdentityConfig(dir.get(), unlock.get(), overlap.get()));
    }

    private String environmentVariable(String variable) {
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + variable + "' is not an environment variable name");
        }
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return variable;
    }

    private static Optional<HostPort> readListen(ConfigNode top) {
        if (!top.has("listen")) {
            return Optional.of(new HostPort("0.0.0.0", AgentConfig.DEFAULT_PORT));
        }
        return top.section("listen").flatMap(s -> {
            s.allowOnly("address", "port");
            return bind(s, "0.0.0.0", AgentConfig.DEFAULT_PORT);
        });
    }

    /** An {@code address} + {@code port} pair, each with its default. */
    private static Optional<HostPort> bind(ConfigNode s, String defaultAddress, int defaultPort) {
        Optional<String> address = s.has("address") ? s.string("address") : Optional.of(defaultAddress);
        Optional<Integer> port = s.has("port") ? s.port("port") : Optional.of(defaultPort);
        if (address.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HostPort(address.get(), port.get()));
        } catch (IllegalArgumentException e) {
            s.problem("address", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<DirectoryConfig> readDirectory(ConfigNode s) {
        s.allowOnly("authority-key", "cache", "replicas");
        Optional<Path> authority = s.required("authority-key", s.path("authority-key"))
                .flatMap(p -> FileChecks.authorityKey(s, "authority-key", p));
        Optional<Path> cache = s.has("cache") ? s.path("cache") : Optional.of(DEFAULT_DIRECTORY_CACHE);
        List<ReplicaConfig> replicas = new ArrayList<>();
        boolean replicasOk = true;
        for (ConfigNode r : s.list("replicas")) {
            r.allowOnly("address", "key");
            Optional<HostPort> address = r.required("address", r.hostPort("address"));
            Optional<Path> key = r.required("key", r.path("key")).flatMap(p -> FileChecks.qpkey(r, "key", p));
            if (address.isPresent() && key.isPresent()) {
                replicas.add(new ReplicaConfig(address.get(), key.get()));
            } else {
                replicasOk = false;
            }
        }
        if (replicas.isEmpty() && replicasOk && !s.reportedAt("replicas")) {
            s.problem("replicas", "is required: at least one replica (address and key)");
        }
        if (authority.isEmpty() || cache.isEmpty() || !replicasOk || replicas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryConfig(authority.get(), cache.get(), replicas));
    }

    /** The ratchet and keep-alive settings a peer inherits key by key. */
    private record PeerDefaults(RatchetSchedule ratchet, KeepAlive keepAlive) {
    }

    private static PeerDefaults readPeerDefaults(ConfigNode top) {
        Optional<ConfigNode> s = top.section("peer-defaults");
        if (s.isEmpty()) {
            return new PeerDefaults(RatchetSchedule.DEFAULT, KeepAlive.DEFAULT);
        }
        s.get().allowOnly("ratchet", "keep-alive");
        return new PeerDefaults(readRatchet(s.get(), RatchetSchedule.DEFAULT).orElse(RatchetSchedule.DEFAULT),
                readKeepAlive(s.get(), KeepAlive.DEFAULT).orElse(KeepAlive.DEFAULT));
    }

    private static Optional<PeerConfig> readPeer(ConfigNode p, PeerDefaults defaults) {
        p.allowOnly("name", "address", "ratchet", "keep-alive");
        Optional<String> name = p.required("name", p.string("name")).flatMap(n -> Names.checkOwner(p, "name", n));
        Optional<Optional<HostPort>> address = p.has("address") ? p.hostPort("address").map(Optional::of)
                : Optional.of(Optional.empty());
        Optional<RatchetSchedule> ratchet = readRatchet(p, defaults.ratchet());
        Optional<KeepAlive> keepAlive = readKeepAlive(p, defaults.keepAlive());
        if (name.isEmpty() || address.isEmpty() || ratchet.isEmpty() || keepAlive.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeerConfig(name.get(), address.get(), ratchet.get(), keepAlive.get()));
    }

    private static Optional<RatchetSchedule> readRatchet(ConfigNode parent, RatchetSchedule inherited) {
        if (!parent.has("ratchet")) {
            return Optional.of(inherited);
        }
        return parent.section("ratchet").flatMap(s -> {
            s.allowOnly("symmetric-after", "symmetric-after-bytes", "asymmetric-every");
            Optional<Duration> after = s.has("symmetric-after") ? s.duration("symmetric-after",
                    RatchetSchedule.MIN_SYMMETRIC_AFTER, RatchetSchedule.MAX_SYMMETRIC_AFTER)
                    : Optional.of(inherited.symmetricAfter());
            Optional<Long> bytes = s.has("symmetric-after-bytes") ? s.size("symmetric-after-bytes",
                    RatchetSchedule.MIN_SYMMETRIC_AFTER_BYTES, RatchetSchedule.MAX_SYMMETRIC_AFTER_BYTES)
                    : Optional.of(inherited.symmetricAfterBytes());
            Optional<Duration> every = s.has("asymmetric-every") ? s.duration("asymmetric-every",
                    RatchetSchedule.MIN_ASYMMETRIC_EVERY, RatchetSchedule.MAX_ASYMMETRIC_EVERY)
                    : Optional.of(inherited.asymmetricEvery());
            if (after.isEmpty() || bytes.isEmpty() || every.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RatchetSchedule(after.get(), bytes.get(), every.get()));
        });
    }

    private static Optional<KeepAlive> readKeepAlive(ConfigNode parent, KeepAlive inherited) {
        if (!parent.has("keep-alive")) {
            return Optional.of(inherited);
        }
        return parent.section("keep-alive").flatMap(s -> {
            s.allowOnly("interval", "timeout");
            Optional<Duration> interval = s.has("interval")
                    ? s.duration("interval", KeepAlive.MIN_INTERVAL, KeepAlive.MAX_INTERVAL) : Optional.of(inherited.interval());
            Optional<Duration> timeout = s.has("timeout")
                    ? s.duration("timeout", KeepAlive.MIN_TIMEOUT, KeepAlive.MAX_TIMEOUT) : Optional.of(inherited.timeout());
            if (interval.isEmpty() || timeout.isEmpty()) {
                return Optional.empty();
            }
            if (timeout.get().compareTo(interval.get()) <= 0) {
                s.problem("timeout", DurationText.format(timeout.get()) + " must be longer than the interval "
                        + DurationText.format(interval.get()));
                return Optional.empty();
            }
            return Optional.of(new KeepAlive(interval.get(), timeout.get()));
        });
    }

    private static Optional<ServiceConfig> readService(ConfigNode s) {
        s.allowOnly("name", "peer", "protocol", "local", "target", "policy");
        Optional<String> name = s.required("name", s.string("name")).flatMap(n -> Names.checkService(s, "name", n));
        Optional<String> peer = s.required("peer", s.string("peer"));
        Optional<ServiceProtocol> protocol = readProtocol(s);
        Optional<HostPort> local = s.required("local", s.hostPort("local"));
        Optional<HostPort> target = s.required("target", s.hostPort("target"));
        ServicePolicy policy = new ServicePolicy(s.tree("policy"));
        if (name.isEmpty() || peer.isEmpty() || protocol.isEmpty() || local.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceConfig(name.get(), peer.get(), protocol.get(), local.get(), target.get(), policy));
    }

    private static Optional<ExposeConfig> readExpose(ConfigNode s) {
        s.allowOnly("name", "peer", "protocol", "target", "policy");
        Optional<String> name = s.required("name", s.string("name")).flatMap(n -> Names.checkService(s, "name", n));
        Optional<String> peer = s.required("peer", s.string("peer"));
        Optional<ServiceProtocol> protocol = readProtocol(s);
        Optional<HostPort> target = s.required("target", s.hostPort("target"));
        ServicePolicy policy = new ServicePolicy(s.tree("policy"));
        if (name.isEmpty() || peer.isEmpty() || protocol.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExposeConfig(name.get(), peer.get(), protocol.get(), target.get(), policy));
    }

    private static Optional<ServiceProtocol> readProtocol(ConfigNode s) {
        if (!s.has("protocol")) {
            return Optional.of(ServiceProtocol.RAW);
        }
        return s.parsed("protocol", text -> ServiceProtocol.byConfigName(text).orElseThrow(() ->
                new IllegalArgumentException("unknown protocol '" + text + "' (" + ServiceProtocol.choices() + ")")));
    }

    private static Optional<MetricsConfig> readMetrics(ConfigNode s) {
        s.allowOnly("enabled", "address", "port");
        Optional<Boolean> enabled = s.has("enabled") ? s.bool("enabled") : Optional.of(MetricsConfig.DEFAULT.enabled());
        Optional<HostPort> listen = bind(s, MetricsConfig.DEFAULT.listen().host(), MetricsConfig.DEFAULT.listen().port());
        if (enabled.isEmpty() || listen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MetricsConfig(enabled.get(), listen.get()));
    }

    private static Optional<LogConfig> readLog(ConfigNode s) {
        s.allowOnly("level", "audit-log");
        Optional<LogLevel> level = s.has("level") ? s.parsed("level", ConfigLoader::logLevel) : Optional.of(LogLevel.INFO);
        Optional<Optional<Path>> audit = s.has("audit-log") ? s.path("audit-log").map(Optional::of)
                : Optional.of(Optional.empty());
        if (level.isEmpty() || audit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogConfig(level.get(), audit.get()));
    }

    private static LogLevel logLevel(String text) {
        for (LogLevel l : LogLevel.values()) {
            if (l.configName().equals(text)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown log level '" + text + "' (trace, debug, info, warn, error)");
    }

    private static Optional<PqsConfig> readPqs(ConfigNode s) {
        s.allowOnly("enabled", "port");
        Optional<Boolean> enabled = s.has("enabled") ? s.bool("enabled") : Optional.of(false);
        Optional<Integer> port = s.has("port") ? s.port("port") : Optional.of(PqsConfig.DEFAULT_PORT);
        if (enabled.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PqsConfig(enabled.get(), port.get()));
    }
}
