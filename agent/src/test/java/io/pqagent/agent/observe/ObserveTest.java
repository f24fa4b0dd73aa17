package io.pqagent.agent.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObserveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theConfiguredLogLevelReachesTheRootLogger() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        boolean infoBefore = root.isInfoEnabled();
        try {
            RootLogLevel.apply(io.pqagent.agent.config.LogLevel.ERROR);
            assertThat(root.isWarnEnabled()).isFalse();
            RootLogLevel.apply(io.pqagent.agent.config.LogLevel.DEBUG);
            assertThat(root.isDebugEnabled()).isTrue();
        } finally {
            RootLogLevel.apply(infoBefore ? io.pqagent.agent.config.LogLevel.INFO : io.pqagent.agent.config.LogLevel.WARN);
        }
    }

    @Test
    void auditEventsAreOneJsonObjectPerLineAndAHostileValueCannotForgeAnother() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AuditLog audit = AuditLog.to(out, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))) {
            audit.record("handshake_failed", Map.of("address", "10.0.0.9:4711", "code", "key_unrecognized"));
            audit.record("revocation", Map.of("peer", "evil\n{\"event\":\"fake\"}"));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("time").asText()).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(first.get("event").asText()).isEqualTo("handshake_failed");
        assertThat(first.get("code").asText()).isEqualTo("key_unrecognized");
        assertThat(JSON.readTree(lines[1]).get("peer").asText()).isEqualTo("evil\n{\"event\":\"fake\"}");
    }

    @Test
    void theAuditFileIsOwnerOnly() throws IOException {
        Path file = dir.resolve("log/audit.jsonl");
        try (AuditLog audit = AuditLog.open(file, Clock.systemUTC())) {
            audit.record("expiry_warning", Map.of("key_id", "00"));
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void theControlSocketAnswersItsOwnerAndReportsFailuresAsErrors() throws IOException {
        Path socket = dir.resolve("run/control.sock");
        try (ControlSocket control = ControlSocket.open(socket, (command, request) -> {
            if (command.equals("status")) {
                return JSON.createObjectNode().put("peers", 2);
            }
            throw new IllegalArgumentException("unknown command '" + command + "'");
        })) {
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(socket.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            JsonNode ok = ControlSocket.call(socket, ControlSocket.request("status"));
            assertThat(ok.get("ok").asBoolean()).isTrue();
            assertThat(ok.get("result").get("peers").asInt()).isEqualTo(2);
            JsonNode bad = ControlSocket.call(socket, ControlSocket.request("dance"));
            assertThat(bad.get("ok").asBoolean()).isFalse();
            assertThat(bad.get("error").asText()).isEqualTo("unknown command 'dance'");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void aControlDirectoryOthersMayWriteIsRefused() throws IOException {
        Path shared = dir.resolve("shared");
        Files.createDirectory(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> ControlSocket.open(shared.resolve("control.sock"), (c, r) -> null))
                .isInstanceOf(IOException.class).hasMessageContaining("writable by others");
    }

    @Test
    void metricsAreServedInThePrometheusFormat() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("qsmp_test_events", "peer", "bravo").increment(3);
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + endpoint.address().getPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("qsmp_test_events_total{peer=\"bravo\"} 3.0");
        }
    }

    @Test
    void handshakeFailureReasonsAreProtocolCodesOrIo() {
        assertThat(LinkMetrics.reasonCode("key_unrecognized (0x12): peer reported key_unrecognized"))
                .isEqualTo("key_unrecognized");
        assertThat(LinkMetrics.reasonCode("cannot connect to /127.0.0.1:1: Connection refused")).isEqualTo("io");
    }
}
