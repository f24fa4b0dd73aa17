package io.pqagent.adapters.modbus;

import java.util.Arrays;
import java.util.Optional;

/** Modbus's four data tables (MB-APP §4.3), each with its own 0..65535 address space. */
public enum DataTable {
    COILS("coils", true),
    DISCRETE_INPUTS("discrete-inputs", false),
    INPUT_REGISTERS("input-registers", false),
    HOLDING_REGISTERS("holding-registers", true);

    private final String configName;
    private final boolean writable;

    DataTable(String configName, boolean writable) {
        this.configName = configName;
        this.writable = writable;
    }

    /** The key in a policy's {@code read:} or {@code write:} section. */
    public String configName() {
        return configName;
    }

    /** Whether any function writes this table (discrete inputs and input registers are read-only). */
    public boolean writable() {
        return writable;
    }

    public static Optional<DataTable> byConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }
}
