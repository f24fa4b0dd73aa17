package io.pqagent.directory.protocol;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an agent or the operator's tool asks a replica, one request per QSMP message:
 * {@code type u8 | requestId u32 | body} (big-endian; docs/directory.md, "Replica protocol").
 */
public sealed interface DirectoryRequest {
    int LOOKUP_KEY_ID = 0x01;
    int LOOKUP_OWNER = 0x02;
    int LIST = 0x03;
    int SUBMIT = 0x04;
    int SUBSCRIBE = 0x05;
    /** A LIST answer holds at most this many records, so it always fits one packet. */
    int MAX_LIST_PAGE = 256;

    int requestId();

    byte[] encode();

    /** The newest record of one key id. */
    record LookupKeyId(int requestId, KeyId keyId) implements DirectoryRequest {
        @Override
        public byte[] encode() {
            return header(LOOKUP_KEY_ID, requestId, KeyId.SIZE).put(keyId.bytes()).array();
        }
    }

    /** Every key id's newest record of one owner (several while an identity rotates). */
    record LookupOwner(int requestId, String owner) implements DirectoryRequest {
        @Override
        public byte[] encode() {
            byte[] b = owner.getBytes(StandardCharsets.UTF_8);
            return header(LOOKUP_OWNER, requestId, 1 + b.length).put((byte) b.length).put(b).array();
        }
    }

    /** One page of all records, ordered by key id, starting after {@code afterKeyId} (all zeros: from the start). */
    record ListRecords(int requestId, KeyId afterKeyId, int maxCount) implements DirectoryRequest {
        @Override
        public byte[] encode() {
            return header(LIST, requestId, KeyId.SIZE + 2).put(afterKeyId.bytes()).putShort((short) maxCount).array();
        }
    }

    /** A registration or revocation the authority signed. */
    record Submit(int requestId, byte[] signedRecord) implements DirectoryRequest {
        public Submit {
            signedRecord = signedRecord.clone();
        }

        @Override
        public byte[] signedRecord() {
            return signedRecord.clone();
        }

        @Override
        public byte[] encode() {
            return header(SUBMIT, requestId, signedRecord.length).put(signedRecord).array();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Submit s && s.requestId == requestId && Arrays.equals(s.signedRecord, signedRecord);
        }

        @Override
        public int hashCode() {
            return requestId * 31 + Arrays.hashCode(signedRecord);
        }

        @Override
        public String toString() {
            return "Submit[requestId=" + requestId + ", " + signedRecord.length + " bytes]";
        }
    }

    /** From now on, push every stored registration and revocation to this tunnel. */
    record Subscribe(int requestId) implements DirectoryRequest {
        @Override
        public byte[] encode() {
            return header(SUBSCRIBE, requestId, 0).array();
        }
    }

    private static ByteBuffer header(int type, int requestId, int bodyLength) {
        return ByteBuffer.allocate(5 + bodyLength).put((byte) type).putInt(requestId);
    }

    /**
     * Parses one request; every length is checked against what remains before anything is allocated.
     *
     * @throws DirectoryException MALFORMED_REQUEST (with the request id when it could be read, see
     *     {@link #requestIdOf}), UNSUPPORTED_REQUEST for an unknown type, FIELD_TOO_LARGE
     */
    static DirectoryRequest decode(byte[] message) throws DirectoryException {
        if (message.length < 5) {
            throw new DirectoryException(DirectoryError.MALFORMED_REQUEST, "a request is at least 5 bytes, got "
                    + message.length);
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        int type = in.get() & 0xff;
        int id = in.getInt();
        switch (type) {
            case LOOKUP_KEY_ID:
                exact(in, KeyId.SIZE, "LOOKUP_KEY_ID");
                return new LookupKeyId(id, new KeyId(bytes(in, KeyId.SIZE)));
            case LOOKUP_OWNER: {
                if (!in.hasRemaining()) {
                    throw malformed("LOOKUP_OWNER without an owner");
                }
                int n = in.get() & 0xff;
                if (n > DirectoryRecord.MAX_OWNER_BYTES) {
                    throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE,
                            "owner of " + n + " bytes, at most " + DirectoryRecord.MAX_OWNER_BYTES);
                }
                exact(in, n, "LOOKUP_OWNER");
                return new LookupOwner(id, new String(bytes(in, n), StandardCharsets.UTF_8));
            }
            case LIST: {
                exact(in, KeyId.SIZE + 2, "LIST");
                KeyId after = new KeyId(bytes(in, KeyId.SIZE));
                int max = in.getShort() & 0xffff;
                if (max == 0 || max > MAX_LIST_PAGE) {
                    throw malformed("LIST page size must be 1.." + MAX_LIST_PAGE + ", got " + max);
                }
                return new ListRecords(id, after, max);
            }
            case SUBMIT:
                if (in.remaining() > SignedRecord.MAX_ENCODED) {
                    throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE, "submitted record of "
                            + in.remaining() + " bytes exceeds " + SignedRecord.MAX_ENCODED);
                }
                return new Submit(id, bytes(in, in.remaining()));
            case SUBSCRIBE:
                exact(in, 0, "SUBSCRIBE");
                return new Subscribe(id);
            default:
                throw new DirectoryException(DirectoryError.UNSUPPORTED_REQUEST, String.format("type 0x%02x", type));
        }
    }

    /** The request id of a message too broken to decode, so the error can still be matched; 0 if unreadable. */
    static int requestIdOf(byte[] message) {
        return message.length < 5 ? 0 : ByteBuffer.wrap(message, 1, 4).getInt();
    }

    private static void exact(ByteBuffer in, int n, String what) throws DirectoryException {
        if (in.remaining() != n) {
            throw malformed(what + " body must be " + n + " bytes, got " + in.remaining());
        }
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static DirectoryException malformed(String detail) {
        return new DirectoryException(DirectoryError.MALFORMED_REQUEST, detail);
    }
}
