package io.pqagent.sim.plant;

/**
 * The stage's measured values at one instant, taken together so that a face reports a consistent set.
 *
 * @param levelM          tank level, metres
 * @param inflowM3h       inflow through the inlet valve, m³/h
 * @param outflowM3h      outflow through the pump, m³/h
 * @param valvePct        inlet valve position, percent open
 * @param valveSetpointPct where the valve is going, percent
 * @param pumpRunning     the pump runs
 * @param highAlarm       level above the high alarm
 * @param lowAlarm        level below the low alarm
 * @param pumpStarts      how often the pump was started
 * @param uptimeSeconds   simulated seconds since the stage was made
 */
public record StageSnapshot(double levelM, double inflowM3h, double outflowM3h, double valvePct, double valveSetpointPct,
        boolean pumpRunning, boolean highAlarm, boolean lowAlarm, long pumpStarts, long uptimeSeconds) {

    /** The valve has not reached its setpoint yet. */
    public boolean valveMoving() {
        return Math.abs(valvePct - valveSetpointPct) > 1e-9;
    }
}
