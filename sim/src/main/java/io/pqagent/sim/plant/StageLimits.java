package io.pqagent.sim.plant;

/**
 * The physical constants of the stage. A tank of {@code tankAreaM2} filled through an inlet valve that
 * passes up to {@code maxInflowM3h} when fully open and moves at {@code valveSlewPctPerS} towards its
 * setpoint; a pump that draws {@code pumpFlowM3h} while the tank is not empty. Alarms: high above
 * {@code highAlarmM}, low below {@code lowAlarmM}.
 */
public record StageLimits(double tankHeightM, double tankAreaM2, double maxInflowM3h, double pumpFlowM3h,
        double valveSlewPctPerS, double highAlarmM, double lowAlarmM) {
    public StageLimits {
        if (!(tankHeightM > 0 && tankAreaM2 > 0 && maxInflowM3h > 0 && pumpFlowM3h > 0 && valveSlewPctPerS > 0)) {
            throw new IllegalArgumentException("tank height, area, flows and valve slew must be positive");
        }
        if (!(0 < lowAlarmM && lowAlarmM < highAlarmM && highAlarmM < tankHeightM)) {
            throw new IllegalArgumentException("alarms must satisfy 0 < low (" + lowAlarmM + ") < high (" + highAlarmM
                    + ") < tank height (" + tankHeightM + ")");
        }
    }

    /**
     * A 5 m tank of 2 m² (so a few minutes of traffic sees it rise and fall), 60 m³/h inflow at a fully open
     * valve, a 45 m³/h pump, a valve that moves 20 %/s, alarms at 4.5 m and 0.5 m.
     */
    public static StageLimits standard() {
        return new StageLimits(5.0, 2.0, 60.0, 45.0, 20.0, 4.5, 0.5);
    }
}
