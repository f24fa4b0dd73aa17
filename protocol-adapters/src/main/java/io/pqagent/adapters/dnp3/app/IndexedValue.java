package io.pqagent.adapters.dnp3.app;

/** An object and the point index it belongs to. */
public record IndexedValue(int index, DnpObject value) {
    public IndexedValue {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("point index " + index + " is not 0..65535");
        }
    }
}
