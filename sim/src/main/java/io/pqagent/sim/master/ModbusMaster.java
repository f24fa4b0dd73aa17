package io.pqagent.sim.master;

import io.pqagent.sim.device.ModbusMap;
import java.io.IOException;

/**
 * Polls a stage's Modbus face: one FC 4 read of every input register per cycle (the process values and the
 * slot counts), commands by FC 6 on holding register {@code slot} (valve) and FC 5 on coil {@code slot}
 * (pump), and after an acknowledged valve command reads the register back (FC 3): it must hold the value
 * written. Probes are an FC 6 write on the probe slot's holding register.
 */
public final class ModbusMaster extends PollingMaster {
    private final int unit;
    private ModbusClient client;

    public ModbusMaster(MasterSettings settings, int unit, LatencyLog latency) {
        super(settings, latency);
        this.unit = unit;
    }

    @Override
    protected void open() throws IOException {
        client = ModbusClient.connect(settings.target(), unit, settings.timeoutMillis());
    }

    @Override
    protected void shut() {
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection
        }
        client = null;
    }

    @Override
    protected long poll() throws Exception {
        int[] ir = timed(() -> client.readInputRegisters(0, ModbusMap.INPUT_REGISTERS));
        sawLevel(ir[0] / 1000.0);
        int at = ModbusMap.SLOT_COUNT_REGISTER + 2 * settings.slot();
        return (long) ir[at] << 16 | ir[at + 1];
    }

    @Override
    protected WriteOutcome send(Command command) {
        long start = System.nanoTime();
        try {
            if (command.pump()) {
                timed(() -> {
                    client.writeSingleCoil(settings.slot(), command.run());
                    return null;
                });
                return WriteOutcome.ACKNOWLEDGED;
            }
            int tenths = (int) Math.round(command.valvePercent() * 10);
            timed(() -> {
                client.writeSingleRegister(settings.slot(), tenths);
                return null;
            });
            return WriteOutcome.ACKNOWLEDGED;
        } catch (ModbusRefusal r) {
            timedRefusal(start);
            noteError(r);
            return WriteOutcome.REFUSED;
        } catch (Exception e) {
            noteError(e);
            return WriteOutcome.UNKNOWN;
        }
    }

    /** Read-after-write: holding register {@code slot} must hold the valve command just acknowledged. */
    @Override
    protected void verify(Command command) throws Exception {
        if (command.pump()) {
            return;
        }
        int tenths = (int) Math.round(command.valvePercent() * 10);
        int back = timed(() -> client.readHoldingRegisters(settings.slot(), 1))[0];
        if (back != tenths) {
            ledger().inconsistent(settings.name() + ": holding register " + settings.slot() + " reads " + back
                    + " right after " + tenths + " was written and acknowledged");
        }
    }

    @Override
    protected ProbeResult probe(int slot) {
        long start = System.nanoTime();
        try {
            timed(() -> {
                client.writeSingleRegister(slot, 500);
                return null;
            });
            return ProbeResult.CARRIED_OUT;
        } catch (ModbusRefusal r) {
            timedRefusal(start);
            return ProbeResult.DENIED;
        } catch (Exception e) {
            noteError(e);
            return ProbeResult.FAILED;
        }
    }
}
