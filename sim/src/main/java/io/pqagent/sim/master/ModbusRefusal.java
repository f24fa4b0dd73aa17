package io.pqagent.sim.master;

/** A Modbus exception response: the request was answered, and not carried out. */
public final class ModbusRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int functionCode;
    private final int exceptionCode;

    public ModbusRefusal(int functionCode, int exceptionCode) {
        super(String.format("function %d refused with exception %02X", functionCode, exceptionCode));
        this.functionCode = functionCode;
        this.exceptionCode = exceptionCode;
    }

    public int functionCode() {
        return functionCode;
    }

    /** 01 illegal function, 02 illegal data address, 03 illegal data value, 0A gateway path unavailable, ... */
    public int exceptionCode() {
        return exceptionCode;
    }
}
