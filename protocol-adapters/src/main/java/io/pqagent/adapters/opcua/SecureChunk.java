package io.pqagent.adapters.opcua;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The headers of an OPN, CLO or MSG chunk (OPC 10000-6 §6.7.2): the secure channel id, then for OPN the
 * asymmetric security header (§6.7.2.3: policy URI, sender certificate, receiver thumbprint) or for
 * CLO/MSG the symmetric one (§6.7.2.4: token id), then the sequence header (§6.7.2.5: sequence number,
 * request id) and the body. With a security policy other than None the sequence header and body are
 * encrypted or signed, so only the security header is read ({@code plaintext == false}).
 *
 * @param securityPolicyUri OPN only, else null
 * @param tokenId CLO/MSG only, else -1
 * @param sequenceOffset where the sequence header starts; -1 if not read
 */
record SecureChunk(UaTcpFrame frame, long secureChannelId, String securityPolicyUri, long tokenId, int sequenceOffset,
        long sequenceNumber, long requestId) {

    /** §6.7.2.3: the SecurityPolicyUri "shall be less than 256 bytes". */
    static final int MAX_POLICY_URI = 255;
    /** A certificate thumbprint is a SHA-1 (20 bytes); room for a longer digest, never for a lie. */
    static final int MAX_THUMBPRINT = 64;
    static final int SEQUENCE_HEADER_SIZE = 8;

    static SecureChunk read(UaTcpFrame frame, boolean plaintext) throws MalformedOpcUaException {
        String what = frame.type().name();
        LittleEndianReader r = new LittleEndianReader(frame.bytes(), UaTcpMessageType.HEADER_SIZE, frame.size(), what);
        long channelId = r.uint32("SecureChannelId");
        String policy = null;
        long tokenId = -1;
        if (frame.type() == UaTcpMessageType.OPN) {
            byte[] uri = r.byteString("SecurityPolicyUri", MAX_POLICY_URI);
            if (uri == null || uri.length == 0) {
                throw new MalformedOpcUaException("OPN: no SecurityPolicyUri");
            }
            policy = new String(uri, StandardCharsets.UTF_8);
            r.byteString("SenderCertificate", r.remaining());
            r.byteString("ReceiverCertificateThumbprint", MAX_THUMBPRINT);
        } else {
            tokenId = r.uint32("TokenId");
        }
        if (!plaintext) {
            return new SecureChunk(frame, channelId, policy, tokenId, -1, -1, -1);
        }
        int sequenceOffset = r.position();
        long sequence = r.uint32("SequenceNumber");
        long requestId = r.uint32("RequestId");
        return new SecureChunk(frame, channelId, policy, tokenId, sequenceOffset, sequence, requestId);
    }

    ChunkType chunkType() {
        return frame.chunkType();
    }

    /** The body after the sequence header (a plaintext chunk only). */
    byte[] body() {
        return Arrays.copyOfRange(frame.bytes(), bodyOffset(), frame.size());
    }

    int bodySize() {
        return frame.size() - bodyOffset();
    }

    int bodyOffset() {
        if (sequenceOffset < 0) {
            throw new IllegalStateException("the sequence header of an encrypted chunk was not read");
        }
        return sequenceOffset + SEQUENCE_HEADER_SIZE;
    }

    /** The chunk's bytes with another sequence number; everything else unchanged. */
    byte[] renumbered(long sequenceNumber) {
        byte[] out = frame.bytes().clone();
        int at = bodyOffset() - SEQUENCE_HEADER_SIZE;
        out[at] = (byte) sequenceNumber;
        out[at + 1] = (byte) (sequenceNumber >>> 8);
        out[at + 2] = (byte) (sequenceNumber >>> 16);
        out[at + 3] = (byte) (sequenceNumber >>> 24);
        return out;
    }
}
