package io.pqagent.sim.device;

import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.outstation.OutstationDataModel;
import io.pqagent.sim.plant.CommandSlots;
import io.pqagent.sim.plant.StageSnapshot;
import io.pqagent.sim.plant.WaterStage;

/**
 * The stage's DNP3 points, as the outstation's data model. Analog inputs in engineering units.
 *
 * <pre>
 * binary inputs   0 pump running, 1 high level alarm, 2 low level alarm, 3 valve moving       (g1, events g2 class 1)
 * analog inputs   0 level m, 1 inflow m³/h, 2 outflow m³/h, 3 valve position %, 4 valve setpoint % (g30, events g32 class 2)
 * counters        0..7 commands applied through slot n, 8 pump starts                        (g20, events g22 class 3)
 * binary outputs  0..7 pump command of slot n: CROB LATCH_ON / LATCH_OFF (or PULSE_ON with CLOSE / TRIP),
 *                 select-before-operate or direct; status (g10) is the pump running
 * </pre>
 */
public final class Dnp3Map implements OutstationDataModel {
    public static final int PUMP_STARTS_COUNTER = CommandSlots.COUNT;
    private final WaterStage stage;

    public Dnp3Map(WaterStage stage) {
        this.stage = stage;
    }

    @Override
    public int binaryInputCount() {
        return ModbusMap.DISCRETE_INPUTS;
    }

    @Override
    public boolean binaryInput(int index) {
        return ModbusMap.discreteInput(stage.snapshot(), index);
    }

    @Override
    public int analogInputCount() {
        return 5;
    }

    @Override
    public double analogInput(int index) {
        StageSnapshot s = stage.snapshot();
        return switch (index) {
            case 0 -> s.levelM();
            case 1 -> s.inflowM3h();
            case 2 -> s.outflowM3h();
            case 3 -> s.valvePct();
            case 4 -> s.valveSetpointPct();
            default -> throw new IllegalArgumentException("no analog input " + index);
        };
    }

    @Override
    public int counterCount() {
        return CommandSlots.COUNT + 1;
    }

    @Override
    public long counter(int index) {
        return index == PUMP_STARTS_COUNTER ? stage.snapshot().pumpStarts() : stage.commands(index);
    }

    @Override
    public int binaryOutputCount() {
        return CommandSlots.COUNT;
    }

    @Override
    public boolean binaryOutput(int index) {
        return stage.snapshot().pumpRunning();
    }

    @Override
    public CommandStatus operateBinaryOutput(int index, Crob crob) {
        var state = crob.code().requestedState();
        if (state.isEmpty()) {
            return CommandStatus.NOT_SUPPORTED;
        }
        stage.commandPump(index, state.get());
        return CommandStatus.SUCCESS;
    }
}
