package io.pqagent.directory.record;

/**
 * Every way a directory request or record can be refused. The code is the byte a replica sends back in
 * an error response, so values are never renumbered.
 */
public enum DirectoryError {
    MALFORMED_RECORD(1, "the record is not a well-formed signed directory record"),
    BAD_SIGNATURE(2, "the record is not signed by the directory authority"),
    STALE_RECORD(3, "a record with a higher serial number for this key id is already stored"),
    SERIAL_CONFLICT(4, "a different record with the same serial number is already stored"),
    WRONG_CONFIGURATION(5, "the record's configuration is not one this directory serves"),
    EXPIRED_RECORD(6, "the record's key has expired"),
    FIELD_TOO_LARGE(7, "a field of the record exceeds its size limit"),
    UNKNOWN_KEY_ID(8, "no record is known for this key id"),
    KEY_REVOKED(9, "the key id has been revoked; a revocation is final"),
    KEY_MISMATCH(10, "the record's verification key differs from the one registered under this key id"),
    MALFORMED_REQUEST(11, "the request is not a well-formed directory request"),
    UNSUPPORTED_REQUEST(12, "the request type is not supported by this replica"),
    STORE_FAILURE(13, "the replica could not read or write its store"),
    UNAVAILABLE(14, "no directory replica could be reached");

    private final int code;
    private final String message;

    DirectoryError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The error for a code received from a replica; an unknown code is itself a malformed response. */
    public static DirectoryError ofCode(int code) {
        for (DirectoryError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return MALFORMED_REQUEST;
    }
}
