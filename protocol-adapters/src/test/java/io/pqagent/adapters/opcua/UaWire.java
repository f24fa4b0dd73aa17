package io.pqagent.adapters.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.channel.messages.AcknowledgeMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.HelloMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageEncoder;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.types.UaMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.SecurityTokenRequestType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ChannelSecurityToken;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.PublishRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.ResponseHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * OPC UA TCP messages for the unit tests, built with Milo's encoders (HEL/ACK with
 * {@link TcpMessageEncoder}, bodies with {@link OpcUaBinaryEncoder}); only the chunk headers are put
 * together here, byte by byte as OPC 10000-6 §6.7.2 lays them out.
 */
final class UaWire {
    static final String BASIC256SHA256 = "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";
    static final long CHANNEL = 7;
    static final long TOKEN = 3;

    private UaWire() {
    }

    static byte[] hello() {
        return bytes(encode(new HelloMessage(0, 65536, 65536, 0, 0, "opc.tcp://127.0.0.1:4840/pq")));
    }

    static byte[] acknowledge(long receive, long send, long maxMessage, long maxChunks) {
        return bytes(encode(new AcknowledgeMessage(0, receive, send, maxMessage, maxChunks)));
    }

    static byte[] acknowledge() {
        return acknowledge(65536, 65536, 0, 0);
    }

    static byte[] openRequest(long sequence, long requestId) {
        OpenSecureChannelRequest r = new OpenSecureChannelRequest(header(1), uint(0), SecurityTokenRequestType.Issue,
                MessageSecurityMode.None, ByteString.NULL_VALUE, uint(60_000));
        return open(OpcUaFilter.NONE_POLICY, 0, sequence, requestId, body(r));
    }

    static byte[] openResponse(long sequence, long requestId) {
        OpenSecureChannelResponse r = new OpenSecureChannelResponse(responseHeader(1), uint(0),
                new ChannelSecurityToken(uint(CHANNEL), uint(TOKEN), DateTime.now(), uint(60_000)), ByteString.NULL_VALUE);
        return open(OpcUaFilter.NONE_POLICY, CHANNEL, sequence, requestId, body(r));
    }

    /** An OPN as a signed/encrypted channel sends it: readable headers, then bytes the filter cannot read. */
    static byte[] encryptedOpen(String policy, long channel) {
        byte[] cipher = new byte[256];
        Arrays.fill(cipher, (byte) 0x5A);
        return chunk("OPN", 'F', w -> {
            putUint32(w, channel);
            putByteString(w, policy.getBytes(StandardCharsets.UTF_8));
            putByteString(w, new byte[300]); // a certificate
            putByteString(w, new byte[20]); // a thumbprint
            w.writeBytes(cipher);
        });
    }

    /** An MSG of a signed/encrypted channel: readable channel and token ids, the rest unreadable. */
    static byte[] encryptedMessage(long channel, long token) {
        return chunk("MSG", 'F', w -> {
            putUint32(w, channel);
            putUint32(w, token);
            w.writeBytes(new byte[96]);
        });
    }

    static byte[] open(String policy, long channel, long sequence, long requestId, byte[] body) {
        return chunk("OPN", 'F', w -> {
            putUint32(w, channel);
            putByteString(w, policy.getBytes(StandardCharsets.UTF_8));
            putByteString(w, null);
            putByteString(w, null);
            putUint32(w, sequence);
            putUint32(w, requestId);
            w.writeBytes(body);
        });
    }

    static byte[] message(char chunkType, long sequence, long requestId, byte[] body) {
        return secure("MSG", chunkType, sequence, requestId, body);
    }

    static byte[] secure(String type, char chunkType, long sequence, long requestId, byte[] body) {
        return chunk(type, chunkType, w -> {
            putUint32(w, CHANNEL);
            putUint32(w, TOKEN);
            putUint32(w, sequence);
            putUint32(w, requestId);
            w.writeBytes(body);
        });
    }

    /** One message as several chunks: the body cut into pieces of {@code piece} bytes, C...C then F. */
    static List<byte[]> chunked(long firstSequence, long requestId, byte[] body, int piece) {
        List<byte[]> out = new ArrayList<>();
        long seq = firstSequence;
        for (int off = 0; off < body.length; off += piece) {
            int end = Math.min(body.length, off + piece);
            out.add(message(end == body.length ? 'F' : 'C', seq++, requestId, Arrays.copyOfRange(body, off, end)));
        }
        return out;
    }

    static byte[] body(UaMessageType m) {
        ByteBuf b = Unpooled.buffer();
        new OpcUaBinaryEncoder(DefaultEncodingContext.INSTANCE).setBuffer(b).encodeMessage(null, m);
        return bytes(b);
    }

    static UaMessageType decode(byte[] body) {
        return new OpcUaBinaryDecoder(DefaultEncodingContext.INSTANCE).setBuffer(Unpooled.wrappedBuffer(body))
                .decodeMessage(null);
    }

    static RequestHeader header(long handle) {
        return new RequestHeader(NodeId.NULL_VALUE, DateTime.now(), uint(handle), uint(0), null, uint(10_000), null);
    }

    static ResponseHeader responseHeader(long handle) {
        return new ResponseHeader(DateTime.now(), uint(handle), StatusCode.GOOD, null, null, null);
    }

    static ReadRequest read(long handle, NodeId... nodes) {
        return new ReadRequest(header(handle), 0.0, TimestampsToReturn.Neither, Arrays.stream(nodes)
                .map(n -> new ReadValueId(n, AttributeId.Value.uid(), null, null)).toArray(ReadValueId[]::new));
    }

    static WriteRequest write(long handle, NodeId... nodes) {
        return new WriteRequest(header(handle), Arrays.stream(nodes)
                .map(n -> new WriteValue(n, AttributeId.Value.uid(), null, new DataValue(new Variant(1.0))))
                .toArray(WriteValue[]::new));
    }

    static CallRequest call(long handle, NodeId object, NodeId method) {
        return new CallRequest(header(handle), new CallMethodRequest[] {new CallMethodRequest(object, method, new Variant[0])});
    }

    static PublishRequest publish(long handle) {
        return new PublishRequest(header(handle), null);
    }

    static ReadResponse readResponse(long handle) {
        return new ReadResponse(responseHeader(handle), new DataValue[] {new DataValue(new Variant(1.0))}, null);
    }

    /** The little-endian u32 at {@code offset}. */
    static long uint32(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private interface Writer {
        void write(ByteBuf w);
    }

    private static byte[] chunk(String type, char chunkType, Writer rest) {
        ByteBuf w = Unpooled.buffer();
        w.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        w.writeByte(chunkType);
        w.writeIntLE(0);
        rest.write(w);
        w.setIntLE(4, w.readableBytes());
        return bytes(w);
    }

    private static void putUint32(ByteBuf w, long v) {
        w.writeIntLE((int) v);
    }

    private static void putByteString(ByteBuf w, byte[] b) {
        if (b == null) {
            w.writeIntLE(-1);
        } else {
            w.writeIntLE(b.length);
            w.writeBytes(b);
        }
    }

    private static ByteBuf encode(HelloMessage m) {
        try {
            return TcpMessageEncoder.encode(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteBuf encode(AcknowledgeMessage m) {
        try {
            return TcpMessageEncoder.encode(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
