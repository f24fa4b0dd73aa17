package io.pqagent.adapters.modbus;

/** One thing a request does: reads or writes a range of one data table (FC 23 does two). */
public record TableAccess(DataTable table, Access access, AddressRange range) {
    @Override
    public String toString() {
        return access.configName() + " " + table.configName() + " " + range;
    }
}
