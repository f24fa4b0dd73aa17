package io.pqagent.sim.device;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import io.pqagent.sim.plant.StageSnapshot;
import io.pqagent.sim.plant.WaterStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * j2mod's view of a stage ({@link ModbusMap}). A range read takes one snapshot, so the registers of one
 * response belong together. Writes go to the stage as slot commands; a write to a read-only register, or
 * any address outside the map, is exception 02 (illegal data address).
 */
final class StageProcessImage implements ProcessImage {
    private final WaterStage stage;
    private final AtomicLong requests = new AtomicLong();

    StageProcessImage(WaterStage stage) {
        this.stage = stage;
    }

    /** Table accesses served (each range read or write counts once). */
    long accesses() {
        return requests.get();
    }

    private static void range(int offset, int count, int size, String table) {
        if (offset < 0 || count < 1 || offset + count > size) {
            throw new IllegalAddressException(table + " " + offset + ".." + (offset + count - 1) + " outside 0.."
                    + (size - 1));
        }
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        range(offset, count, ModbusMap.COILS, "coils");
        requests.incrementAndGet();
        boolean running = stage.snapshot().pumpRunning();
        DigitalOut[] out = new DigitalOut[count];
        for (int i = 0; i < count; i++) {
            out[i] = new SlotCoil(offset + i, running);
        }
        return out;
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        return getDigitalOutRange(ref, 1)[0];
    }

    @Override
    public int getDigitalOutCount() {
        return ModbusMap.COILS;
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        range(offset, count, ModbusMap.DISCRETE_INPUTS, "discrete inputs");
        requests.incrementAndGet();
        StageSnapshot s = stage.snapshot();
        DigitalIn[] out = new DigitalIn[count];
        for (int i = 0; i < count; i++) {
            boolean v = ModbusMap.discreteInput(s, offset + i);
            out[i] = () -> v;
        }
        return out;
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        return getDigitalInRange(ref, 1)[0];
    }

    @Override
    public int getDigitalInCount() {
        return ModbusMap.DISCRETE_INPUTS;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        range(offset, count, ModbusMap.INPUT_REGISTERS, "input registers");
        requests.incrementAndGet();
        StageSnapshot s = stage.snapshot();
        InputRegister[] out = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            out[i] = new SimpleInputRegister(ModbusMap.inputRegister(stage, s, offset + i));
        }
        return out;
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return ModbusMap.INPUT_REGISTERS;
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        range(offset, count, ModbusMap.HOLDING_REGISTERS, "holding registers");
        requests.incrementAndGet();
        StageSnapshot s = stage.snapshot();
        Register[] out = new Register[count];
        for (int i = 0; i < count; i++) {
            out[i] = new SlotRegister(offset + i, ModbusMap.holdingRegister(stage, s, offset + i));
        }
        return out;
    }

    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return ModbusMap.HOLDING_REGISTERS;
    }

    @Override
    public File getFile(int offset) {
        throw new IllegalAddressException("the stage has no files");
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("the stage has no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int offset) {
        throw new IllegalAddressException("the stage has no FIFOs");
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("the stage has no FIFOs");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }

    /** Coil n: the pump as seen when read, and slot n's pump command when written. */
    private final class SlotCoil implements DigitalOut {
        private final int slot;
        private final boolean running;

        SlotCoil(int slot, boolean running) {
            this.slot = slot;
            this.running = running;
        }

        @Override
        public boolean isSet() {
            return running;
        }

        @Override
        public void set(boolean b) {
            stage.commandPump(slot, b);
        }
    }

    /**
     * Holding register n: slot n's last valve command when read, a new one when written (0.1 %). After a
     * write it holds what was written, which j2mod echoes in the FC 6 answer.
     */
    private final class SlotRegister implements Register {
        private final int address;
        private int value;

        SlotRegister(int address, int value) {
            this.address = address;
            this.value = value;
        }

        @Override
        public int getValue() {
            return value;
        }

        @Override
        public int toUnsignedShort() {
            return value & 0xFFFF;
        }

        @Override
        public short toShort() {
            return (short) value;
        }

        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) (value >>> 8), (byte) value};
        }

        @Override
        public void setValue(int v) {
            if (address >= ModbusMap.VALVE_SETPOINT_REGISTER) {
                throw new IllegalAddressException("holding register " + address + " is read only");
            }
            stage.commandValve(address, (v & 0xFFFF) / 10.0);
            value = v & 0xFFFF;
        }

        @Override
        public void setValue(short s) {
            setValue(s & 0xFFFF);
        }

        @Override
        public void setValue(byte[] bytes) {
            if (bytes.length != 2) {
                throw new IllegalAddressException("a register takes two bytes, not " + bytes.length);
            }
            setValue((bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF);
        }
    }
}
