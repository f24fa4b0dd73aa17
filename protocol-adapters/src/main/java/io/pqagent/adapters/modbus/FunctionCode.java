package io.pqagent.adapters.modbus;

import java.util.Arrays;
import java.util.Optional;

/** The function codes this filter passes (MB-APP §6); every other code is answered with exception 01. */
public enum FunctionCode {
    READ_COILS(1, false),
    READ_DISCRETE_INPUTS(2, false),
    READ_HOLDING_REGISTERS(3, false),
    READ_INPUT_REGISTERS(4, false),
    WRITE_SINGLE_COIL(5, true),
    WRITE_SINGLE_REGISTER(6, true),
    WRITE_MULTIPLE_COILS(15, true),
    WRITE_MULTIPLE_REGISTERS(16, true),
    MASK_WRITE_REGISTER(22, true),
    /** Writes, then reads, holding registers in one request: counts as a write for {@code read-only}. */
    READ_WRITE_MULTIPLE_REGISTERS(23, true);

    private final int code;
    private final boolean writes;

    FunctionCode(int code, boolean writes) {
        this.code = code;
        this.writes = writes;
    }

    public int code() {
        return code;
    }

    /** Whether the function changes the device's data ({@code read-only} refuses these). */
    public boolean writes() {
        return writes;
    }

    public static Optional<FunctionCode> byCode(int code) {
        return Arrays.stream(values()).filter(f -> f.code == code).findFirst();
    }
}
