package io.pqagent.adapters.opcua;

import io.pqagent.agent.filter.FilterOutput;
import io.pqagent.agent.filter.StreamFilter;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA TCP connection (client → agent → server), on the server's side of the tunnel. Both
 * directions are cut into messages ({@link UaTcpFramer}) and checked against the connection's state:
 * Hello, then Acknowledge (whose sizes become the limits), then the secure channel.
 *
 * <p><b>SecurityPolicy None.</b> Message bodies are plaintext. Each request is reassembled from its
 * chunks, decoded by Milo and decided by the {@link OpcUaPolicy}. An allowed request goes on; a denied
 * one never reaches the server: the client gets a ServiceFault with {@code Bad_UserAccessDenied}
 * ({@link DenialResponse}) and the denial is audited. Dropping chunks towards the server and adding
 * chunks towards the client would break the unbroken sequence numbers both ends check, so the filter
 * numbers every chunk it forwards on such a channel itself ({@link SequenceNumbers}); a ServiceFault is
 * never put between the chunks of a server response, but held until the response's final chunk.
 *
 * <p><b>Any other security policy.</b> The secure channel is signed or encrypted: the filter can read
 * only the headers, can neither decode nor answer a request, and passes every message through unchanged
 * (still framed and size-checked). It says so once per connection, in the log and the audit log; with
 * {@code require-decodable: true} it refuses the channel instead (an ERR with
 * {@code Bad_SecurityPolicyRejected}, then the stream is closed).
 *
 * <p>Anything malformed closes the stream with an audit entry; the tunnel and other streams go on.
 */
final class OpcUaFilter implements StreamFilter {
    static final String NONE_POLICY = "http://opcfoundation.org/UA/SecurityPolicy#None";
    /** Nodes named in one audit entry at most; the count is always there. */
    static final int AUDITED_NODES = 16;

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaFilter.class);

    private enum Phase { EXPECT_HELLO, EXPECT_ACKNOWLEDGE, OPEN, CLOSED }

    private enum ChannelMode { NOT_OPEN, DECODABLE, OPAQUE }

    private record HeldDenial(SecureChunk request, long requestHandle) {
    }

    private final OpcUaPolicy policy;
    private final String service;
    private final String peer;
    private final Clock clock;
    private final UaTcpFramer requests = new UaTcpFramer("request");
    private final UaTcpFramer responses = new UaTcpFramer("response");
    private final RequestAssembler assembler = new RequestAssembler();
    private final SequenceNumbers toServer = new SequenceNumbers();
    private final SequenceNumbers toClient = new SequenceNumbers();
    private final Queue<HeldDenial> heldDenials = new ArrayDeque<>();

    private Phase phase = Phase.EXPECT_HELLO;
    private TransportLimits limits;
    private ChannelMode mode = ChannelMode.NOT_OPEN;
    private String securityPolicy;
    private boolean serverMidResponse;

    /** @param service and {@code peer}: for log lines only (the agent adds both to audit entries) */
    OpcUaFilter(OpcUaPolicy policy, String service, String peer, Clock clock) {
        this.policy = policy;
        this.service = service;
        this.peer = peer;
        this.clock = clock;
    }

    @Override
    public void fromOpener(byte[] data, FilterOutput out) {
        if (phase == Phase.CLOSED) {
            return;
        }
        requests.feed(data);
        try {
            for (UaTcpFrame f = requests.next(); f != null && phase != Phase.CLOSED; f = requests.next()) {
                onRequest(f, out);
            }
        } catch (MalformedOpcUaException e) {
            malformed("request", e.getMessage(), out);
        }
    }

    @Override
    public void fromTarget(byte[] data, FilterOutput out) {
        if (phase == Phase.CLOSED) {
            return;
        }
        responses.feed(data);
        try {
            for (UaTcpFrame f = responses.next(); f != null && phase != Phase.CLOSED; f = responses.next()) {
                onResponse(f, out);
            }
        } catch (MalformedOpcUaException e) {
            malformed("response", e.getMessage(), out);
        }
    }

    // ---- client → server

    private void onRequest(UaTcpFrame f, FilterOutput out) throws MalformedOpcUaException {
        switch (f.type()) {
            case HEL -> {
                if (phase != Phase.EXPECT_HELLO) {
                    throw new MalformedOpcUaException("a second HEL");
                }
                Hello.parse(f);
                phase = Phase.EXPECT_ACKNOWLEDGE;
                out.toTarget(f.bytes());
            }
            case ERR -> out.toTarget(f.bytes()); // the client gives up; the server closes
            case ACK -> throw new MalformedOpcUaException("ACK from the client");
            case RHE -> throw new MalformedOpcUaException("RHE (reverse hello) on a connection the client opened");
            case OPN, CLO, MSG -> {
                if (phase != Phase.OPEN) {
                    throw new MalformedOpcUaException(f.type() + " before the server's ACK");
                }
                if (f.type() == UaTcpMessageType.OPN) {
                    onOpenRequest(f, out);
                } else if (mode == ChannelMode.NOT_OPEN) {
                    throw new MalformedOpcUaException(f.type() + " before OPN");
                } else if (mode == ChannelMode.OPAQUE) {
                    SecureChunk.read(f, false);
                    out.toTarget(f.bytes());
                } else if (f.type() == UaTcpMessageType.CLO) {
                    SecureChunk c = SecureChunk.read(f, true);
                    RequestDecoder.closeSecureChannel(c.body());
                    out.toTarget(c.renumbered(toServer.take()));
                } else {
                    onMessageRequest(SecureChunk.read(f, true), out);
                }
            }
        }
    }

    private void onOpenRequest(UaTcpFrame f, FilterOutput out) throws MalformedOpcUaException {
        String uri = SecureChunk.read(f, false).securityPolicyUri();
        if (mode == ChannelMode.NOT_OPEN) {
            securityPolicy = uri;
            if (NONE_POLICY.equals(uri)) {
                mode = ChannelMode.DECODABLE;
            } else if (policy.requireDecodable()) {
                refuse(uri, out);
                return;
            } else {
                mode = ChannelMode.OPAQUE;
                passThrough(uri, out);
            }
        } else if (!uri.equals(securityPolicy)) {
            throw new MalformedOpcUaException("OPN: the security policy changed from " + securityPolicy + " to " + uri);
        }
        if (mode == ChannelMode.OPAQUE) {
            out.toTarget(f.bytes());
            return;
        }
        SecureChunk c = SecureChunk.read(f, true);
        RequestDecoder.openSecureChannel(c.body());
        toServer.startAt(c.sequenceNumber());
        out.toTarget(c.renumbered(toServer.take()));
    }

    private void onMessageRequest(SecureChunk chunk, FilterOutput out) throws MalformedOpcUaException {
        if (!toClient.started()) {
            throw new MalformedOpcUaException("MSG before the server opened the secure channel");
        }
        RequestAssembler.Assembled request = assembler.add(chunk, limits);
        if (request == null) {
            return;
        }
        DecodedRequest decoded = RequestDecoder.serviceRequest(request.body());
        Decision d = policy.decide(decoded.service(), decoded.nodes());
        if (d.allowed()) {
            for (SecureChunk c : request.chunks()) {
                out.toTarget(c.renumbered(toServer.take()));
            }
            return;
        }
        auditDenial(decoded, request.first(), d, out);
        HeldDenial denial = new HeldDenial(request.first(), decoded.requestHandle());
        if (serverMidResponse) {
            heldDenials.add(denial); // never between the chunks of a server response
        } else {
            answer(denial, out);
        }
    }

    private void answer(HeldDenial d, FilterOutput out) {
        out.toOpener(DenialResponse.chunk(d.request(), toClient.take(), d.requestHandle(), clock.instant()));
    }

    // ---- server → client

    private void onResponse(UaTcpFrame f, FilterOutput out) throws MalformedOpcUaException {
        if (phase == Phase.EXPECT_HELLO) {
            throw new MalformedOpcUaException(f.type() + " from the server before the client's HEL");
        }
        switch (f.type()) {
            case ACK -> {
                if (phase != Phase.EXPECT_ACKNOWLEDGE) {
                    throw new MalformedOpcUaException("a second ACK");
                }
                limits = TransportLimits.of(Acknowledge.parse(f));
                requests.maxMessageSize(limits.requestChunk());
                responses.maxMessageSize(limits.responseChunk());
                phase = Phase.OPEN;
                out.toOpener(f.bytes());
            }
            case ERR -> out.toOpener(f.bytes()); // the server ends the connection after it
            case HEL, RHE, CLO -> throw new MalformedOpcUaException(f.type() + " from the server");
            case OPN -> {
                if (mode == ChannelMode.NOT_OPEN) {
                    throw new MalformedOpcUaException("OPN from the server before the client's");
                }
                SecureChunk c = SecureChunk.read(f, mode == ChannelMode.DECODABLE);
                if (!c.securityPolicyUri().equals(securityPolicy)) {
                    throw new MalformedOpcUaException("OPN: the server answers with security policy "
                            + c.securityPolicyUri() + ", the client asked for " + securityPolicy);
                }
                if (mode == ChannelMode.OPAQUE) {
                    out.toOpener(f.bytes());
                } else {
                    toClient.startAt(c.sequenceNumber());
                    out.toOpener(c.renumbered(toClient.take()));
                }
            }
            case MSG -> {
                if (phase != Phase.OPEN || mode == ChannelMode.NOT_OPEN) {
                    throw new MalformedOpcUaException("MSG from the server before the secure channel is open");
                }
                if (mode == ChannelMode.OPAQUE) {
                    SecureChunk.read(f, false);
                    out.toOpener(f.bytes());
                    return;
                }
                SecureChunk c = SecureChunk.read(f, true);
                if (!toClient.started()) {
                    throw new MalformedOpcUaException("MSG from the server before its OPN");
                }
                out.toOpener(c.renumbered(toClient.take()));
                serverMidResponse = c.chunkType() == ChunkType.INTERMEDIATE;
                while (!serverMidResponse && !heldDenials.isEmpty()) {
                    answer(heldDenials.remove(), out);
                }
            }
        }
    }

    // ---- outcomes

    private void auditDenial(DecodedRequest r, SecureChunk first, Decision d, FilterOutput out) {
        List<String> nodes = new ArrayList<>();
        for (NodeId n : d.refusedNodes()) {
            if (nodes.size() == AUDITED_NODES) {
                break;
            }
            nodes.add(n.toParseableString());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ua_service", r.service());
        fields.put("request", r.requestType());
        fields.put("request_handle", r.requestHandle());
        fields.put("request_id", first.requestId());
        fields.put("nodes", nodes);
        fields.put("node_count", d.refusedNodes().size());
        fields.put("status", DenialResponse.STATUS_NAME);
        fields.put("reason", d.reason());
        out.audit("opcua_denied", fields);
    }

    private void passThrough(String uri, FilterOutput out) {
        LOG.warn("service {} (peer {}): the OPC UA secure channel uses security policy {}: its messages are signed or"
                + " encrypted, so the filter cannot read them and passes them through unchecked; the service policy"
                + " is not applied on this connection (set require-decodable: true to refuse such channels)",
                service, peer, printable(uri));
        out.audit("opcua_pass_through", Map.of("security_policy", uri,
                "reason", "secure channel is signed or encrypted; requests pass unchecked"));
    }

    private void refuse(String uri, FilterOutput out) {
        String reason = "secure channel with security policy " + uri + " refused: require-decodable is set";
        LOG.warn("service {} (peer {}): {}", service, peer, printable(reason));
        out.audit("opcua_refused", Map.of("security_policy", uri, "reason", reason));
        out.toOpener(ErrorReply.of(StatusCodes.Bad_SecurityPolicyRejected,
                "this gateway only carries OPC UA secure channels with security policy None"));
        phase = Phase.CLOSED;
        out.reset("opcua: secure channel refused (require-decodable)");
    }

    private void malformed(String direction, String reason, FilterOutput out) {
        phase = Phase.CLOSED;
        LOG.info("service {} (peer {}): malformed OPC UA {}: {}", service, peer, direction, printable(reason));
        out.audit("opcua_malformed", Map.of("direction", direction, "reason", reason));
        out.reset("opcua: malformed " + direction + ": " + printable(reason));
    }

    /** Text from the wire (a policy URI, a string node id in Milo's message) made safe for one log line. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && b.length() < 200; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return b.toString();
    }
}
