package io.pqagent.adapters.dnp3.master;

import io.pqagent.adapters.dnp3.app.AnalogPoint;
import io.pqagent.adapters.dnp3.app.BinaryPoint;
import io.pqagent.adapters.dnp3.app.CounterPoint;
import io.pqagent.adapters.dnp3.app.Iin;
import io.pqagent.adapters.dnp3.app.IndexedValue;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The objects of a poll's response (all fragments) and their IIN bits together, sorted out by point type. */
public record PollResult(Iin iin, List<ObjectBlock> objects) {
    public PollResult {
        objects = List.copyOf(objects);
    }

    /** Static binary inputs (g1) by index. */
    public Map<Integer, BinaryPoint> binaryInputs() {
        return byIndex(1, BinaryPoint.class);
    }

    /** Binary output status (g10) by index. */
    public Map<Integer, BinaryPoint> binaryOutputs() {
        return byIndex(10, BinaryPoint.class);
    }

    /** Static counters (g20) by index. */
    public Map<Integer, CounterPoint> counters() {
        return byIndex(20, CounterPoint.class);
    }

    /** Static analog inputs (g30) by index. */
    public Map<Integer, AnalogPoint> analogInputs() {
        return byIndex(30, AnalogPoint.class);
    }

    /** Events (g2, g22, g32) in the order reported. */
    public List<ReportedEvent> events() {
        List<ReportedEvent> out = new ArrayList<>();
        for (ObjectBlock b : objects) {
            ObjectVariation v = b.variation().orElse(null);
            if (v != null && v.isEvent()) {
                for (IndexedValue p : b.points()) {
                    out.add(new ReportedEvent(v, p.index(), p.value()));
                }
            }
        }
        return out;
    }

    private <T> Map<Integer, T> byIndex(int group, Class<T> type) {
        Map<Integer, T> out = new TreeMap<>();
        for (ObjectBlock b : objects) {
            if (b.header().group() == group) {
                for (IndexedValue p : b.points()) {
                    out.put(p.index(), type.cast(p.value()));
                }
            }
        }
        return out;
    }
}
