package io.pqagent.adapters.modbus;

/** The exception codes the filter answers with (MB-APP §7), by their wire value. */
public enum ExceptionCode {
    /** The function is not supported here, or the policy does not allow it. */
    ILLEGAL_FUNCTION(0x01),
    /** An address the request names is outside 0..65535, or the policy does not allow it. */
    ILLEGAL_DATA_ADDRESS(0x02),
    /** A quantity, byte count or coil value the specification forbids. */
    ILLEGAL_DATA_VALUE(0x03),
    /**
     * The policy gives this peer no path to that unit id: what a gateway answers when it cannot route a
     * request to the addressed device (MB-APP §7, code 0x0A).
     */
    GATEWAY_PATH_UNAVAILABLE(0x0A);

    private final int code;

    ExceptionCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
