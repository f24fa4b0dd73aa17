package io.pqagent.sim.device;

import io.pqagent.sim.plant.CommandSlots;
import io.pqagent.sim.plant.StageSnapshot;
import io.pqagent.sim.plant.WaterStage;

/**
 * The stage's Modbus register map (PDU addresses, 0-based). Scaled integers: level in millimetres, flows
 * in 0.1 m³/h, valve positions in 0.1 %. 32-bit values take two registers, high word first.
 *
 * <pre>
 * coils              0..7   pump command of slot n (write: start/stop, counted; read: pump running)
 * discrete inputs    0 pump running, 1 high level alarm, 2 low level alarm, 3 valve moving
 * input registers    0 level mm, 1 inflow, 2 outflow, 3 valve position, 4 valve setpoint,
 *                    5 pump starts (low 16 bits), 6..7 uptime s (u32),
 *                    8+2n..9+2n commands applied through slot n (u32), n = 0..7
 * holding registers  0..7   valve command of slot n in 0.1 % (write 0..1000: set the valve, counted;
 *                           read: what slot n wrote last)
 *                    8      valve setpoint in 0.1 % (read only)
 * </pre>
 */
public final class ModbusMap {
    public static final int COILS = CommandSlots.COUNT;
    public static final int DISCRETE_INPUTS = 4;
    public static final int INPUT_REGISTERS = 8 + 2 * CommandSlots.COUNT;
    public static final int HOLDING_REGISTERS = CommandSlots.COUNT + 1;
    /** Input register of slot n's command count (high word; the low word follows). */
    public static final int SLOT_COUNT_REGISTER = 8;
    /** Holding register of the valve setpoint, read only. */
    public static final int VALVE_SETPOINT_REGISTER = CommandSlots.COUNT;

    private ModbusMap() {
    }

    public static boolean discreteInput(StageSnapshot s, int address) {
        return switch (address) {
            case 0 -> s.pumpRunning();
            case 1 -> s.highAlarm();
            case 2 -> s.lowAlarm();
            case 3 -> s.valveMoving();
            default -> throw new IllegalArgumentException("no discrete input " + address);
        };
    }

    /** Input register {@code address} (0..23) as an unsigned 16-bit value. */
    public static int inputRegister(WaterStage stage, StageSnapshot s, int address) {
        if (address >= SLOT_COUNT_REGISTER && address < INPUT_REGISTERS) {
            int slot = (address - SLOT_COUNT_REGISTER) / 2;
            long count = stage.commands(slot);
            return (int) ((address - SLOT_COUNT_REGISTER) % 2 == 0 ? count >>> 16 & 0xFFFF : count & 0xFFFF);
        }
        return switch (address) {
            case 0 -> u16(Math.round(s.levelM() * 1000));
            case 1 -> u16(Math.round(s.inflowM3h() * 10));
            case 2 -> u16(Math.round(s.outflowM3h() * 10));
            case 3 -> u16(Math.round(s.valvePct() * 10));
            case 4 -> u16(Math.round(s.valveSetpointPct() * 10));
            case 5 -> (int) (s.pumpStarts() & 0xFFFF);
            case 6 -> (int) (s.uptimeSeconds() >>> 16 & 0xFFFF);
            case 7 -> (int) (s.uptimeSeconds() & 0xFFFF);
            default -> throw new IllegalArgumentException("no input register " + address);
        };
    }

    /** Holding register {@code address} (0..8) as read. */
    public static int holdingRegister(WaterStage stage, StageSnapshot s, int address) {
        if (address >= 0 && address < CommandSlots.COUNT) {
            return u16(Math.round(stage.lastValveCommand(address) * 10));
        }
        if (address == VALVE_SETPOINT_REGISTER) {
            return u16(Math.round(s.valveSetpointPct() * 10));
        }
        throw new IllegalArgumentException("no holding register " + address);
    }

    private static int u16(long v) {
        return (int) Math.max(0, Math.min(0xFFFF, v));
    }
}
