package io.pqagent.sim.plant;

/**
 * One water-treatment stage: a tank filled through an inlet valve and emptied by a pump. Time moves only
 * through {@link #advance(double)}, so a test steps it exactly and a {@link StageTicker} steps it in real
 * time. Thread-safe: the faces read and command it from their own threads.
 *
 * <p>Commands come through numbered slots ({@link CommandSlots}): {@link #commandValve} and
 * {@link #commandPump} act on the process and count one command for their slot, every time, whether or not
 * the value changed. {@link #commands(int)} is what a master compares with the writes it saw acknowledged.
 */
public final class WaterStage {
    private final StageLimits limits;
    private double levelM;
    private double valvePct;
    private double valveSetpointPct;
    private boolean pumpRunning;
    private long pumpStarts;
    private double uptime;
    private final long[] commands = new long[CommandSlots.COUNT];
    private final double[] lastValveCommand = new double[CommandSlots.COUNT];
    private final boolean[] lastPumpCommand = new boolean[CommandSlots.COUNT];

    public WaterStage(StageLimits limits, double initialLevelM, double initialValvePct) {
        if (initialLevelM < 0 || initialLevelM > limits.tankHeightM() || initialValvePct < 0 || initialValvePct > 100) {
            throw new IllegalArgumentException("initial level " + initialLevelM + " m (0.." + limits.tankHeightM()
                    + ") or valve " + initialValvePct + " % (0..100) out of range");
        }
        this.limits = limits;
        this.levelM = initialLevelM;
        this.valvePct = initialValvePct;
        this.valveSetpointPct = initialValvePct;
    }

    /** A standard stage half full with the valve 40 % open and the pump stopped. */
    public static WaterStage standard() {
        return new WaterStage(StageLimits.standard(), 2.5, 40);
    }

    public StageLimits limits() {
        return limits;
    }

    /**
     * Moves the process {@code seconds} forward: the valve slews towards its setpoint, the level integrates
     * inflow minus outflow and stays within the tank (an empty tank starves the pump, a full one overflows).
     */
    public synchronized void advance(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("time cannot go back: " + seconds + " s");
        }
        double step = limits.valveSlewPctPerS() * seconds;
        if (Math.abs(valveSetpointPct - valvePct) <= step) {
            valvePct = valveSetpointPct;
        } else {
            valvePct += Math.signum(valveSetpointPct - valvePct) * step;
        }
        double netM3 = (inflow() - outflow()) * seconds / 3600.0;
        levelM = Math.max(0, Math.min(limits.tankHeightM(), levelM + netM3 / limits.tankAreaM2()));
        uptime += seconds;
    }

    private double inflow() {
        return limits.maxInflowM3h() * valvePct / 100.0;
    }

    private double outflow() {
        return pumpRunning && levelM > 0 ? limits.pumpFlowM3h() : 0;
    }

    public synchronized StageSnapshot snapshot() {
        return new StageSnapshot(levelM, inflow(), outflow(), valvePct, valveSetpointPct, pumpRunning,
                levelM > limits.highAlarmM(), levelM < limits.lowAlarmM(), pumpStarts, (long) uptime);
    }

    /**
     * Slot {@code slot} sets the inlet valve's setpoint to {@code percent} (clamped to 0..100); counts one
     * command for the slot.
     */
    public synchronized void commandValve(int slot, double percent) {
        CommandSlots.check(slot);
        if (Double.isNaN(percent)) {
            throw new IllegalArgumentException("valve setpoint is not a number");
        }
        valveSetpointPct = Math.max(0, Math.min(100, percent));
        lastValveCommand[slot] = valveSetpointPct;
        commands[slot]++;
    }

    /** Slot {@code slot} starts or stops the pump; counts one command for the slot. */
    public synchronized void commandPump(int slot, boolean run) {
        CommandSlots.check(slot);
        if (run && !pumpRunning) {
            pumpStarts++;
        }
        pumpRunning = run;
        lastPumpCommand[slot] = run;
        commands[slot]++;
    }

    /** Commands applied through {@code slot} since the stage was made. */
    public synchronized long commands(int slot) {
        CommandSlots.check(slot);
        return commands[slot];
    }

    /** The valve setpoint {@code slot} wrote last (0 before its first), percent. */
    public synchronized double lastValveCommand(int slot) {
        CommandSlots.check(slot);
        return lastValveCommand[slot];
    }

    /** The pump state {@code slot} asked for last (false before its first command). */
    public synchronized boolean lastPumpCommand(int slot) {
        CommandSlots.check(slot);
        return lastPumpCommand[slot];
    }
}
