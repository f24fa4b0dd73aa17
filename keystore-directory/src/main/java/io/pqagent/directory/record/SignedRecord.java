package io.pqagent.directory.record;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A directory record as the authority signed it: the canonical body and a detached signature over
 * {@link #SIGNING_CONTEXT} ‖ body. Replicas store and serve these bytes unchanged, and every reader
 * verifies them against the authority key it pins, so a replica cannot forge or alter a record.
 *
 * <p>Wire form: {@code bodyLength u16 | body | signatureLength u16 | signature} (big-endian).
 */
public final class SignedRecord {
    /** Domain separation: an authority signature over anything else never verifies as a record. */
    static final byte[] SIGNING_CONTEXT = "pqagent directory record v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** An ML-DSA-87 signature is 4,627 bytes; nothing longer is read. */
    public static final int MAX_SIGNATURE = 4627;
    public static final int MAX_ENCODED = 4 + RecordCodec.MAX_BODY + MAX_SIGNATURE;

    private final byte[] body;
    private final byte[] signature;
    private final DirectoryRecord record;

    private SignedRecord(byte[] body, byte[] signature, DirectoryRecord record) {
        this.body = body;
        this.signature = signature;
        this.record = record;
    }

    /** Pairs a record with the authority's signature over its body; see {@link RecordAuthority}. */
    static SignedRecord of(DirectoryRecord record, byte[] body, byte[] signature) {
        return new SignedRecord(body.clone(), signature.clone(), record);
    }

    /**
     * Parses the wire form and checks the signature against the pinned authority.
     *
     * @throws DirectoryException MALFORMED_RECORD, FIELD_TOO_LARGE, WRONG_CONFIGURATION (unknown parameter
     *     set) or BAD_SIGNATURE; nothing about the record is trusted before the signature verifies
     */
    public static SignedRecord decode(byte[] encoded, AuthorityKey authority) throws DirectoryException {
        byte[][] parts = split(encoded);
        if (!authority.verifies(signedBytes(parts[0]), parts[1])) {
            throw new DirectoryException(DirectoryError.BAD_SIGNATURE, "authority " + authority.fingerprintHex());
        }
        return new SignedRecord(parts[0], parts[1], RecordCodec.decode(parts[0]));
    }

    /**
     * Parses bytes a replica read back from its own store, which holds only records verified before they
     * were stored; skips the signature check (a lookup would otherwise cost a verification). Never use it
     * on bytes from the network: clients always call {@link #decode}.
     */
    public static SignedRecord parseStored(byte[] encoded) throws DirectoryException {
        byte[][] parts = split(encoded);
        return new SignedRecord(parts[0], parts[1], RecordCodec.decode(parts[0]));
    }

    /** The wire form cut into {body, signature}, every length checked before anything is allocated. */
    private static byte[][] split(byte[] encoded) throws DirectoryException {
        if (encoded.length > MAX_ENCODED) {
            throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE,
                    "signed record of " + encoded.length + " bytes exceeds " + MAX_ENCODED);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        byte[] body = readBlock(in, "body", RecordCodec.MAX_BODY);
        byte[] signature = readBlock(in, "signature", MAX_SIGNATURE);
        if (in.hasRemaining()) {
            throw new DirectoryException(DirectoryError.MALFORMED_RECORD, in.remaining() + " bytes after the signature");
        }
        return new byte[][] {body, signature};
    }

    private static byte[] readBlock(ByteBuffer in, String what, int max) throws DirectoryException {
        if (in.remaining() < 2) {
            throw new DirectoryException(DirectoryError.MALFORMED_RECORD, "truncated before the " + what + " length");
        }
        int n = in.getShort() & 0xffff;
        if (n > max) {
            throw new DirectoryException(DirectoryError.FIELD_TOO_LARGE, what + " of " + n + " bytes, at most " + max);
        }
        if (n == 0) {
            throw new DirectoryException(DirectoryError.MALFORMED_RECORD, "empty " + what);
        }
        if (in.remaining() < n) {
            throw new DirectoryException(DirectoryError.MALFORMED_RECORD,
                    what + " truncated: " + in.remaining() + " of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    static byte[] signedBytes(byte[] body) {
        byte[] m = Arrays.copyOf(SIGNING_CONTEXT, SIGNING_CONTEXT.length + body.length);
        System.arraycopy(body, 0, m, SIGNING_CONTEXT.length, body.length);
        return m;
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(4 + body.length + signature.length);
        out.putShort((short) body.length).put(body).putShort((short) signature.length).put(signature);
        return out.array();
    }

    public DirectoryRecord record() {
        return record;
    }

    /** The signed body, for storage; equal bodies mean equal records (the encoding is canonical). */
    public byte[] body() {
        return body.clone();
    }

    public boolean sameBodyAs(SignedRecord other) {
        return Arrays.equals(body, other.body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedRecord s && Arrays.equals(body, s.body) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Signed" + record;
    }
}
