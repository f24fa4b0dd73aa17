package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.ServiceFault;
import org.junit.jupiter.api.Test;

/**
 * One stream through the filter with a recording output: what passes unchanged, how a denied request is
 * answered and the sequence numbers renumbered on both sides, chunked requests and responses, aborts,
 * signed/encrypted channels, and malformed input.
 */
class OpcUaFilterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final NodeId SETPOINT = new NodeId(2, "Pump1.Setpoint");
    static final NodeId LEVEL = new NodeId(2, "Pump1.Level");
    static final OpcUaPolicy POLICY = OpcUaPolicyReader.read(Map.of(
            "allow", List.of("Read", "Write", "Publish"),
            "nodes", Map.of("write", "ns=2;s=Pump1.Setpoint"))).base();

    /** Client sequence numbers start at 100, the server's at 500; the channel is open afterwards. */
    private static final long CLIENT_FIRST = 100;
    private static final long SERVER_FIRST = 500;

    private final RecordedOutput out = new RecordedOutput();

    private OpcUaFilter open(OpcUaPolicy policy) {
        OpcUaFilter f = new OpcUaFilter(policy, "plant", "alpha", CLOCK);
        f.fromOpener(UaWire.hello(), out);
        f.fromTarget(UaWire.acknowledge(), out);
        f.fromOpener(UaWire.openRequest(CLIENT_FIRST, 1), out);
        f.fromTarget(UaWire.openResponse(SERVER_FIRST, 1), out);
        assertThat(out.toTarget).hasSize(2);
        assertThat(out.toOpener).hasSize(2);
        assertThat(out.resets).isEmpty();
        return f;
    }

    @Test
    void theHandshakeAndAllowedRequestsPassByteForByte() {
        OpcUaFilter f = new OpcUaFilter(POLICY, "plant", "alpha", CLOCK);
        byte[][] client = {UaWire.hello(), UaWire.openRequest(CLIENT_FIRST, 1),
                UaWire.message('F', CLIENT_FIRST + 1, 2, UaWire.body(UaWire.read(11, LEVEL))),
                UaWire.message('F', CLIENT_FIRST + 2, 3, UaWire.body(UaWire.write(12, SETPOINT)))};
        byte[][] server = {UaWire.acknowledge(), UaWire.openResponse(SERVER_FIRST, 1),
                UaWire.message('F', SERVER_FIRST + 1, 2, UaWire.body(UaWire.readResponse(11)))};
        f.fromOpener(client[0], out);
        f.fromTarget(server[0], out);
        f.fromOpener(UaWire.concat(client[1]), out);
        f.fromTarget(server[1], out);
        f.fromOpener(UaWire.concat(client[2], client[3]), out); // two messages in one delivery
        f.fromTarget(server[2], out);
        assertThat(out.target()).isEqualTo(UaWire.concat(client));
        assertThat(out.opener()).isEqualTo(UaWire.concat(server));
        assertThat(out.audits).isEmpty();
    }

    @Test
    void aDeniedWriteIsAnsweredWithAServiceFaultAndLaterNumbersCloseTheGap() {
        OpcUaFilter f = open(POLICY);
        f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 2, UaWire.body(UaWire.write(41, LEVEL))), out);

        assertThat(out.toTarget).hasSize(2); // nothing of the write reached the server
        byte[] fault = out.toOpener.get(2);
        assertThat(new String(fault, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MSGF");
        assertThat(UaWire.uint32(fault, 4)).isEqualTo(fault.length);
        assertThat(UaWire.uint32(fault, 8)).isEqualTo(UaWire.CHANNEL);
        assertThat(UaWire.uint32(fault, 12)).isEqualTo(UaWire.TOKEN);
        assertThat(UaWire.uint32(fault, 16)).as("the server's next number").isEqualTo(SERVER_FIRST + 1);
        assertThat(UaWire.uint32(fault, 20)).as("the request id").isEqualTo(2);
        ServiceFault sf = (ServiceFault) UaWire.decode(Arrays.copyOfRange(fault, 24, fault.length));
        assertThat(sf.getResponseHeader().getRequestHandle().longValue()).isEqualTo(41);
        assertThat(sf.getResponseHeader().getServiceResult().value()).isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(sf.getResponseHeader().getTimestamp().getJavaInstant()).isEqualTo(CLOCK.instant());

        // the client's next request is renumbered into the hole the denied one left ...
        byte[] read = UaWire.message('F', CLIENT_FIRST + 2, 3, UaWire.body(UaWire.read(42, LEVEL)));
        f.fromOpener(read, out);
        byte[] forwarded = out.toTarget.get(2);
        assertThat(UaWire.uint32(forwarded, 16)).isEqualTo(CLIENT_FIRST + 1);
        forwarded[16] = read[16];
        assertThat(forwarded).as("only the sequence number changed").isEqualTo(read);
        // ... and the server's answer follows the fault's number
        f.fromTarget(UaWire.message('F', SERVER_FIRST + 1, 3, UaWire.body(UaWire.readResponse(42))), out);
        assertThat(UaWire.uint32(out.toOpener.get(3), 16)).isEqualTo(SERVER_FIRST + 2);

        Map<String, Object> audit = out.audits("opcua_denied").get(0);
        assertThat(audit).containsEntry("ua_service", "Write").containsEntry("request", "WriteRequest")
                .containsEntry("request_handle", 41L).containsEntry("request_id", 2L)
                .containsEntry("nodes", List.of("ns=2;s=Pump1.Level")).containsEntry("node_count", 1)
                .containsEntry("status", "Bad_UserAccessDenied");
        assertThat((String) audit.get("reason")).contains("policy.nodes.write");
        assertThat(out.resets).isEmpty();
    }

    @Test
    void servicesOutsideTheAllowListAreDeniedAndSessionServicesAlwaysPass() {
        OpcUaFilter f = open(POLICY);
        f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 2, UaWire.body(UaWire.call(5, SETPOINT, LEVEL))), out);
        assertThat(out.toTarget).hasSize(2);
        assertThat((String) out.audits("opcua_denied").get(0).get("reason")).isEqualTo("Call is not in policy.allow (default: deny)");
        f.fromOpener(UaWire.message('F', CLIENT_FIRST + 2, 3, UaWire.body(
                new org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionRequest(UaWire.header(6), true))), out);
        assertThat(out.toTarget).hasSize(3);
    }

    @Test
    void aFaultWaitsUntilTheServerFinishesAChunkedResponse() {
        OpcUaFilter f = open(POLICY);
        f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 2, UaWire.body(UaWire.read(1, LEVEL))), out);
        List<byte[]> response = UaWire.chunked(SERVER_FIRST + 1, 2, UaWire.body(UaWire.readResponse(1)), 10);
        assertThat(response.size()).isGreaterThan(2);
        f.fromTarget(response.get(0), out);
        f.fromOpener(UaWire.message('F', CLIENT_FIRST + 2, 3, UaWire.body(UaWire.write(2, LEVEL))), out);
        assertThat(out.toOpener).as("no fault between the chunks of a response").hasSize(3);
        for (byte[] c : response.subList(1, response.size())) {
            f.fromTarget(c, out);
        }
        assertThat(out.toOpener).hasSize(2 + response.size() + 1);
        for (int i = 0; i < response.size(); i++) {
            assertThat(out.toOpener.get(2 + i)).isEqualTo(response.get(i));
        }
        byte[] fault = out.toOpener.get(2 + response.size());
        assertThat(UaWire.uint32(fault, 16)).isEqualTo(SERVER_FIRST + 1 + response.size());
        assertThat(UaWire.uint32(fault, 20)).isEqualTo(3);
    }

    @Test
    void aChunkedRequestIsDecidedWholeAndForwardedInOneRun() {
        OpcUaFilter f = open(POLICY);
        List<byte[]> allowed = UaWire.chunked(CLIENT_FIRST + 1, 2, UaWire.body(UaWire.write(1, SETPOINT)), 16);
        List<byte[]> denied = UaWire.chunked(CLIENT_FIRST + 1 + allowed.size(), 3,
                UaWire.body(UaWire.write(2, SETPOINT, LEVEL)), 16);
        for (byte[] c : allowed.subList(0, allowed.size() - 1)) {
            f.fromOpener(c, out);
        }
        assertThat(out.toTarget).as("held until the final chunk").hasSize(2);
        f.fromOpener(allowed.get(allowed.size() - 1), out);
        assertThat(out.toTarget.subList(2, out.toTarget.size())).containsExactlyElementsOf(allowed);
        for (byte[] c : denied) {
            f.fromOpener(c, out);
        }
        assertThat(out.toTarget).hasSize(2 + allowed.size());
        assertThat(out.audits("opcua_denied").get(0)).containsEntry("nodes", List.of("ns=2;s=Pump1.Level"));
    }

    @Test
    void anAbortedRequestNeverReachesTheServerAndLeavesNoGap() {
        OpcUaFilter f = open(POLICY);
        f.fromOpener(UaWire.message('C', CLIENT_FIRST + 1, 2, new byte[] {1, 2, 3}), out);
        f.fromOpener(UaWire.message('A', CLIENT_FIRST + 2, 2, new byte[] {0, 0, 0x80 - 256, 0, -1, -1, -1, -1}), out);
        f.fromOpener(UaWire.message('F', CLIENT_FIRST + 3, 3, UaWire.body(UaWire.read(1, LEVEL))), out);
        assertThat(out.toTarget).hasSize(3);
        assertThat(UaWire.uint32(out.toTarget.get(2), 16)).isEqualTo(CLIENT_FIRST + 1);
        assertThat(out.resets).isEmpty();
    }

    @Test
    void aSignedOrEncryptedChannelPassesThroughUnchangedAndIsAuditedOnce() {
        OpcUaFilter f = new OpcUaFilter(POLICY, "plant", "alpha", CLOCK);
        byte[][] client = {UaWire.hello(), UaWire.encryptedOpen(UaWire.BASIC256SHA256, 0),
                UaWire.encryptedMessage(UaWire.CHANNEL, UaWire.TOKEN), UaWire.encryptedOpen(UaWire.BASIC256SHA256, UaWire.CHANNEL),
                UaWire.encryptedMessage(UaWire.CHANNEL, UaWire.TOKEN + 1)};
        byte[][] server = {UaWire.acknowledge(), UaWire.encryptedOpen(UaWire.BASIC256SHA256, UaWire.CHANNEL),
                UaWire.encryptedMessage(UaWire.CHANNEL, UaWire.TOKEN)};
        f.fromOpener(client[0], out);
        f.fromTarget(server[0], out);
        f.fromOpener(client[1], out);
        f.fromTarget(server[1], out);
        f.fromOpener(UaWire.concat(client[2], client[3], client[4]), out);
        f.fromTarget(server[2], out);
        assertThat(out.target()).isEqualTo(UaWire.concat(client));
        assertThat(out.opener()).isEqualTo(UaWire.concat(server));
        assertThat(out.audits).hasSize(1);
        assertThat(out.audits.get(0)).containsEntry("event", "opcua_pass_through")
                .containsEntry("security_policy", UaWire.BASIC256SHA256);
        assertThat(out.resets).isEmpty();
    }

    @Test
    void requireDecodableRefusesASignedOrEncryptedChannel() {
        OpcUaPolicy strict = OpcUaPolicyReader.read(Map.of("default", "allow", "require-decodable", true)).base();
        OpcUaFilter f = new OpcUaFilter(strict, "plant", "alpha", CLOCK);
        f.fromOpener(UaWire.hello(), out);
        f.fromTarget(UaWire.acknowledge(), out);
        f.fromOpener(UaWire.encryptedOpen(UaWire.BASIC256SHA256, 0), out);
        assertThat(out.toTarget).hasSize(1); // the HEL only
        byte[] err = out.toOpener.get(1);
        assertThat(new String(err, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ERRF");
        assertThat(UaWire.uint32(err, 8)).isEqualTo(StatusCodes.Bad_SecurityPolicyRejected);
        assertThat(out.resets).hasSize(1);
        assertThat(out.audits("opcua_refused")).hasSize(1);
        f.fromOpener(UaWire.encryptedMessage(0, 0), out);
        assertThat(out.toTarget).as("nothing after the refusal").hasSize(1);
    }

    @Test
    void malformedRequestsCloseTheStreamWithAnAuditEntry() {
        assertMalformed(f -> f.fromOpener(UaWire.openRequest(1, 1), out), "request", "before the server's ACK");
        assertMalformed(f -> f.fromOpener("GETF\u0010\0\0\0xxxxxxxx".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), out),
                "request", "unknown message type");
        assertMalformed(f -> f.fromTarget(UaWire.acknowledge(), out), "response", "before the client's HEL");
        assertMalformed(f -> {
            f.fromOpener(UaWire.hello(), out);
            f.fromOpener(UaWire.hello(), out);
        }, "request", "a second HEL");
        assertMalformed(f -> {
            openInto(f);
            f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 2, UaWire.body(UaWire.readResponse(1))), out);
        }, "request", "is not a service request");
        assertMalformed(f -> {
            openInto(f);
            f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 2, new byte[] {1, 0, 0x77, 0x01, 9, 9}), out);
        }, "request", "does not decode");
        assertMalformed(f -> {
            openInto(f);
            f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 3, UaWire.concat(UaWire.body(UaWire.read(1, LEVEL)),
                    new byte[] {0})), out);
        }, "request", "bytes after the ReadRequest");
        assertMalformed(f -> {
            openInto(f);
            f.fromOpener(UaWire.open("http://opcfoundation.org/UA/SecurityPolicy#Basic256", 7, CLIENT_FIRST + 1, 2,
                    new byte[0]), out);
        }, "request", "security policy changed");
    }

    @Test
    void theAcknowledgedSizesBoundChunksAndMessages() {
        assertMalformed(f -> {
            f.fromOpener(UaWire.hello(), out);
            f.fromTarget(UaWire.acknowledge(8192, 65536, 0, 0), out);
            f.fromOpener(UaWire.openRequest(CLIENT_FIRST, 1), out);
            f.fromTarget(UaWire.openResponse(SERVER_FIRST, 1), out);
            f.fromOpener(UaWire.message('F', CLIENT_FIRST + 1, 2, new byte[8192]), out);
        }, "request", "exceeds the limit of 8192");
        assertMalformed(f -> {
            f.fromOpener(UaWire.hello(), out);
            f.fromTarget(UaWire.acknowledge(65536, 65536, 100, 0), out);
            f.fromOpener(UaWire.openRequest(CLIENT_FIRST, 1), out);
            f.fromTarget(UaWire.openResponse(SERVER_FIRST, 1), out);
            for (byte[] c : UaWire.chunked(CLIENT_FIRST + 1, 2, new byte[150], 60)) {
                f.fromOpener(c, out);
            }
        }, "request", "message size limit of 100");
        assertMalformed(f -> {
            f.fromOpener(UaWire.hello(), out);
            f.fromTarget(UaWire.acknowledge(65536, 65536, 0, 2), out);
            f.fromOpener(UaWire.openRequest(CLIENT_FIRST, 1), out);
            f.fromTarget(UaWire.openResponse(SERVER_FIRST, 1), out);
            for (byte[] c : UaWire.chunked(CLIENT_FIRST + 1, 2, new byte[30], 10)) {
                f.fromOpener(c, out);
            }
        }, "request", "chunk count limit of 2");
        assertMalformed(f -> {
            f.fromOpener(UaWire.hello(), out);
            f.fromTarget(UaWire.acknowledge(65536, 8192, 0, 0), out);
            f.fromOpener(UaWire.openRequest(CLIENT_FIRST, 1), out);
            f.fromTarget(UaWire.openResponse(SERVER_FIRST, 1), out);
            f.fromTarget(UaWire.message('F', SERVER_FIRST + 1, 2, new byte[9000]), out);
        }, "response", "exceeds the limit of 8192");
    }

    private void openInto(OpcUaFilter f) {
        f.fromOpener(UaWire.hello(), out);
        f.fromTarget(UaWire.acknowledge(), out);
        f.fromOpener(UaWire.openRequest(CLIENT_FIRST, 1), out);
        f.fromTarget(UaWire.openResponse(SERVER_FIRST, 1), out);
    }

    private void assertMalformed(java.util.function.Consumer<OpcUaFilter> feed, String direction, String reason) {
        out.toTarget.clear();
        out.toOpener.clear();
        out.resets.clear();
        out.audits.clear();
        OpcUaFilter f = new OpcUaFilter(POLICY, "plant", "alpha", CLOCK);
        feed.accept(f);
        assertThat(out.resets).as(reason).hasSize(1);
        assertThat(out.resets.get(0)).startsWith("opcua: malformed " + direction);
        List<Map<String, Object>> audits = out.audits("opcua_malformed");
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0)).containsEntry("direction", direction);
        assertThat((String) audits.get(0).get("reason")).contains(reason);
        int sent = out.toTarget.size() + out.toOpener.size();
        f.fromOpener(UaWire.hello(), out);
        f.fromTarget(UaWire.acknowledge(), out);
        assertThat(out.toTarget.size() + out.toOpener.size()).as("a closed stream stays closed").isEqualTo(sent);
    }
}
