package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.AnalogPoint;
import io.pqagent.adapters.dnp3.app.BinaryPoint;
import io.pqagent.adapters.dnp3.app.CounterPoint;
import io.pqagent.adapters.dnp3.app.PointFlags;
import java.util.OptionalLong;

/**
 * Turns changes of the data model into events: each scan compares every point with the value of the
 * previous scan (no deadband: any change of an analog counts). The first values are the baseline, not events.
 */
final class PointScanner {
    private final OutstationDataModel model;
    private final boolean[] binaries;
    private final double[] analogs;
    private final long[] counters;
    private long order;

    PointScanner(OutstationDataModel model) {
        this.model = model;
        this.binaries = new boolean[model.binaryInputCount()];
        this.analogs = new double[model.analogInputCount()];
        this.counters = new long[model.counterCount()];
        for (int i = 0; i < binaries.length; i++) {
            binaries[i] = model.binaryInput(i);
        }
        for (int i = 0; i < analogs.length; i++) {
            analogs[i] = model.analogInput(i);
        }
        for (int i = 0; i < counters.length; i++) {
            counters[i] = model.counter(i) & 0xFFFF_FFFFL;
        }
    }

    void scan(EventBuffer into, long nowMillis) {
        OptionalLong time = OptionalLong.of(nowMillis);
        for (int i = 0; i < binaries.length; i++) {
            boolean v = model.binaryInput(i);
            if (v != binaries[i]) {
                binaries[i] = v;
                into.add(new BufferedEvent(order++, PointType.BINARY_INPUT, i, new BinaryPoint(PointFlags.ONLINE, v, time)));
            }
        }
        for (int i = 0; i < analogs.length; i++) {
            double v = model.analogInput(i);
            if (Double.compare(v, analogs[i]) != 0) {
                analogs[i] = v;
                into.add(new BufferedEvent(order++, PointType.ANALOG_INPUT, i, new AnalogPoint(PointFlags.ONLINE, v, time)));
            }
        }
        for (int i = 0; i < counters.length; i++) {
            long v = model.counter(i) & 0xFFFF_FFFFL;
            if (v != counters[i]) {
                counters[i] = v;
                into.add(new BufferedEvent(order++, PointType.COUNTER, i, new CounterPoint(PointFlags.ONLINE, v, time)));
            }
        }
    }
}
