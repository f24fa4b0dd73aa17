package io.pqagent.agent.pqs;

/** TRANSFER_STATUS's state byte. */
public enum TransferState {
    /** A download starts: size and hash of what follows. */
    BEGIN(0),
    /** The transfer completed and the receiver's SHA3-256 matched. */
    DONE(1),
    /** The receiver's SHA3-256 or size did not match; the partial file is removed. */
    HASH_MISMATCH(2);

    private final int code;

    TransferState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TransferState of(int code) {
        for (TransferState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new PqsFormatException("unknown transfer state " + code);
    }
}
