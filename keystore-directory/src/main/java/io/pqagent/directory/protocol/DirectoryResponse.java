package io.pqagent.directory.protocol;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replica sends: the answer to one request (same request id), or a pushed {@link Event}
 * (request id 0). Records travel as the authority signed them; the receiver verifies each one.
 */
public sealed interface DirectoryResponse {
    int RECORDS = 0x81;
    int SUBMITTED = 0x82;
    int SUBSCRIBED = 0x83;
    int FAILURE = 0x8F;
    int EVENT = 0x90;
    /** A failure's detail is cut to this many bytes: it is for a log line, not a transcript. */
    int MAX_DETAIL = 512;

    int requestId();

    byte[] encode();

    /** Signed records, each as {@link SignedRecord#encode()}; empty when nothing matched a lookup by owner. */
    record Records(int requestId, List<byte[]> signedRecords) implements DirectoryResponse {
        public Records {
            signedRecords = List.copyOf(signedRecords);
        }

        @Override
        public byte[] encode() {
            int size = 2;
            for (byte[] r : signedRecords) {
                size += 2 + r.length;
            }
            ByteBuffer out = header(RECORDS, requestId, size).putShort((short) signedRecords.size());
            for (byte[] r : signedRecords) {
                out.putShort((short) r.length).put(r);
            }
            return out.array();
        }
    }

    record Submitted(int requestId, Submission outcome) implements DirectoryResponse {
        @Override
        public byte[] encode() {
            return header(SUBMITTED, requestId, 1).put((byte) (outcome == Submission.STORED ? 1 : 2)).array();
        }
    }

    record Subscribed(int requestId) implements DirectoryResponse {
        @Override
        public byte[] encode() {
            return header(SUBSCRIBED, requestId, 0).array();
        }
    }

    record Failure(int requestId, DirectoryError error, String detail) implements DirectoryResponse {
        @Override
        public byte[] encode() {
            byte[] d = detail.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(d.length, MAX_DETAIL);
            return header(FAILURE, requestId, 3 + n).put((byte) error.code()).putShort((short) n).put(d, 0, n).array();
        }

        public DirectoryException toException() {
            return new DirectoryException(error, "replica says: " + detail);
        }
    }

    /** A registration or revocation just stored, pushed to subscribers. */
    record Event(byte[] signedRecord) implements DirectoryResponse {
        public Event {
            signedRecord = signedRecord.clone();
        }

        @Override
        public int requestId() {
            return 0;
        }

        @Override
        public byte[] signedRecord() {
            return signedRecord.clone();
        }

        @Override
        public byte[] encode() {
            return header(EVENT, 0, signedRecord.length).put(signedRecord).array();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Event e && java.util.Arrays.equals(e.signedRecord, signedRecord);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(signedRecord);
        }

        @Override
        public String toString() {
            return "Event[" + signedRecord.length + " bytes]";
        }
    }

    private static ByteBuffer header(int type, int requestId, int bodyLength) {
        return ByteBuffer.allocate(5 + bodyLength).put((byte) type).putInt(requestId);
    }

    /** Parses one response; a replica that sends anything else is treated as broken (MALFORMED_REQUEST). */
    static DirectoryResponse decode(byte[] message) throws DirectoryException {
        if (message.length < 5) {
            throw malformed("a response is at least 5 bytes, got " + message.length);
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        int type = in.get() & 0xff;
        int id = in.getInt();
        switch (type) {
            case RECORDS: {
                int count = readShort(in, "record count");
                if (count > DirectoryRequest.MAX_LIST_PAGE * 4) {
                    throw malformed(count + " records in one response");
                }
                List<byte[]> records = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int n = readShort(in, "record length");
                    if (n > SignedRecord.MAX_ENCODED || n > in.remaining()) {
                        throw malformed("record " + i + " claims " + n + " bytes, " + in.remaining() + " remain");
                    }
                    byte[] r = new byte[n];
                    in.get(r);
                    records.add(r);
                }
                end(in);
                return new Records(id, records);
            }
            case SUBMITTED: {
                if (in.remaining() != 1) {
                    throw malformed("SUBMITTED body must be 1 byte");
                }
                int code = in.get();
                if (code != 1 && code != 2) {
                    throw malformed("unknown submission outcome " + code);
                }
                return new Submitted(id, code == 1 ? Submission.STORED : Submission.ALREADY_PRESENT);
            }
            case SUBSCRIBED:
                end(in);
                return new Subscribed(id);
            case FAILURE: {
                if (in.remaining() < 3) {
                    throw malformed("FAILURE body too short");
                }
                DirectoryError error = DirectoryError.ofCode(in.get() & 0xff);
                int n = in.getShort() & 0xffff;
                if (n > MAX_DETAIL || n != in.remaining()) {
                    throw malformed("FAILURE detail length " + n + " with " + in.remaining() + " bytes left");
                }
                byte[] d = new byte[n];
                in.get(d);
                return new Failure(id, error, new String(d, StandardCharsets.UTF_8));
            }
            case EVENT: {
                if (in.remaining() > SignedRecord.MAX_ENCODED) {
                    throw malformed("event of " + in.remaining() + " bytes");
                }
                byte[] r = new byte[in.remaining()];
                in.get(r);
                return new Event(r);
            }
            default:
                throw malformed(String.format("unknown response type 0x%02x", type));
        }
    }

    private static int readShort(ByteBuffer in, String what) throws DirectoryException {
        if (in.remaining() < 2) {
            throw malformed("truncated before the " + what);
        }
        return in.getShort() & 0xffff;
    }

    private static void end(ByteBuffer in) throws DirectoryException {
        if (in.hasRemaining()) {
            throw malformed(in.remaining() + " unexpected trailing bytes");
        }
    }

    private static DirectoryException malformed(String detail) {
        return new DirectoryException(DirectoryError.MALFORMED_REQUEST, "malformed replica response: " + detail);
    }
}
