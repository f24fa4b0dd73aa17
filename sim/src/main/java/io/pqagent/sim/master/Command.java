package io.pqagent.sim.master;

/** One command a master sends through its slot: a valve setpoint (percent) or a pump start/stop. */
public record Command(boolean pump, double valvePercent, boolean run) {
    public static Command valve(double percent) {
        return new Command(false, percent, false);
    }

    public static Command pump(boolean run) {
        return new Command(true, 0, run);
    }

    @Override
    public String toString() {
        return pump ? (run ? "pump start" : "pump stop") : String.format(java.util.Locale.ROOT, "valve %.1f %%", valvePercent);
    }
}
