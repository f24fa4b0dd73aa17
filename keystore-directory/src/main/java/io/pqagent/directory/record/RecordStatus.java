package io.pqagent.directory.record;

/** Whether a directory record vouches for its key. A revocation is final for that key id. */
public enum RecordStatus {
    ACTIVE(1),
    REVOKED(2);

    private final int code;

    RecordStatus(int code) {
        this.code = code;
    }

    /** The byte that stands for this status in the signed encoding. */
    public int code() {
        return code;
    }

    public static RecordStatus ofCode(int code) throws DirectoryException {
        for (RecordStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new DirectoryException(DirectoryError.MALFORMED_RECORD, "unknown record status " + code);
    }
}
