package io.pqagent.adapters.dnp3.app;

import java.util.Optional;

/**
 * The object variations this codec encodes and decodes (IEEE 1815 object library), each with its layout: an
 * optional flag octet, a value of some width, an optional 48-bit time. Packed binaries (g1v1, g10v1) are one
 * bit per point; g60 class objects carry no data.
 */
public enum ObjectVariation {
    G1V1(1, 1, Kind.BINARY, false, Value.BIT, false),
    G1V2(1, 2, Kind.BINARY, true, Value.NONE, false),
    G2V1(2, 1, Kind.BINARY, true, Value.NONE, false),
    G2V2(2, 2, Kind.BINARY, true, Value.NONE, true),
    G10V1(10, 1, Kind.BINARY, false, Value.BIT, false),
    G10V2(10, 2, Kind.BINARY, true, Value.NONE, false),
    G12V1(12, 1, Kind.CROB, false, Value.NONE, false),
    G20V1(20, 1, Kind.COUNTER, true, Value.U32, false),
    G20V2(20, 2, Kind.COUNTER, true, Value.U16, false),
    G20V5(20, 5, Kind.COUNTER, false, Value.U32, false),
    G20V6(20, 6, Kind.COUNTER, false, Value.U16, false),
    G22V1(22, 1, Kind.COUNTER, true, Value.U32, false),
    G22V2(22, 2, Kind.COUNTER, true, Value.U16, false),
    G22V5(22, 5, Kind.COUNTER, true, Value.U32, true),
    G22V6(22, 6, Kind.COUNTER, true, Value.U16, true),
    G30V1(30, 1, Kind.ANALOG, true, Value.I32, false),
    G30V2(30, 2, Kind.ANALOG, true, Value.I16, false),
    G30V3(30, 3, Kind.ANALOG, false, Value.I32, false),
    G30V4(30, 4, Kind.ANALOG, false, Value.I16, false),
    G30V5(30, 5, Kind.ANALOG, true, Value.F32, false),
    G30V6(30, 6, Kind.ANALOG, true, Value.F64, false),
    G32V1(32, 1, Kind.ANALOG, true, Value.I32, false),
    G32V2(32, 2, Kind.ANALOG, true, Value.I16, false),
    G32V3(32, 3, Kind.ANALOG, true, Value.I32, true),
    G32V4(32, 4, Kind.ANALOG, true, Value.I16, true),
    G32V5(32, 5, Kind.ANALOG, true, Value.F32, false),
    G32V6(32, 6, Kind.ANALOG, true, Value.F64, false),
    G32V7(32, 7, Kind.ANALOG, true, Value.F32, true),
    G32V8(32, 8, Kind.ANALOG, true, Value.F64, true),
    G40V1(40, 1, Kind.ANALOG, true, Value.I32, false),
    G40V2(40, 2, Kind.ANALOG, true, Value.I16, false),
    G40V3(40, 3, Kind.ANALOG, true, Value.F32, false),
    G40V4(40, 4, Kind.ANALOG, true, Value.F64, false),
    G41V1(41, 1, Kind.ANALOG_OUTPUT, false, Value.I32, false),
    G41V2(41, 2, Kind.ANALOG_OUTPUT, false, Value.I16, false),
    G41V3(41, 3, Kind.ANALOG_OUTPUT, false, Value.F32, false),
    G41V4(41, 4, Kind.ANALOG_OUTPUT, false, Value.F64, false),
    G60V1(60, 1, Kind.CLASS, false, Value.NONE, false),
    G60V2(60, 2, Kind.CLASS, false, Value.NONE, false),
    G60V3(60, 3, Kind.CLASS, false, Value.NONE, false),
    G60V4(60, 4, Kind.CLASS, false, Value.NONE, false);

    /** Which {@link DnpObject} record an object of the variation decodes to. */
    public enum Kind {
        BINARY, COUNTER, ANALOG, CROB, ANALOG_OUTPUT, CLASS
    }

    /** The value field: its width in octets and how it reads. */
    public enum Value {
        NONE(0), BIT(0), U16(2), U32(4), I16(2), I32(4), F32(4), F64(8);

        final int width;

        Value(int width) {
            this.width = width;
        }
    }

    /** DNP3 time: 48-bit milliseconds since 1970-01-01 UTC. */
    static final int TIME_SIZE = 6;
    private static final int CROB_SIZE = 11;

    private final int group;
    private final int variation;
    private final Kind kind;
    private final boolean flags;
    private final Value value;
    private final boolean time;

    ObjectVariation(int group, int variation, Kind kind, boolean flags, Value value, boolean time) {
        this.group = group;
        this.variation = variation;
        this.kind = kind;
        this.flags = flags;
        this.value = value;
        this.time = time;
    }

    public int group() {
        return group;
    }

    public int variation() {
        return variation;
    }

    public Kind kind() {
        return kind;
    }

    public boolean hasFlags() {
        return flags;
    }

    public Value value() {
        return value;
    }

    public boolean hasTime() {
        return time;
    }

    /** One bit per object, packed LSB first into octets, instead of whole octets per object. */
    public boolean packed() {
        return value == Value.BIT;
    }

    /** Octets per object; 0 for class objects and for packed variations (see {@link #packed()}). */
    public int size() {
        return switch (kind) {
            case CROB -> CROB_SIZE;
            case ANALOG_OUTPUT -> value.width + 1;
            case CLASS -> 0;
            default -> (flags ? 1 : 0) + value.width + (time ? TIME_SIZE : 0);
        };
    }

    /** Octets taken by {@code count} objects (without index prefixes). */
    public long dataSize(long count) {
        return packed() ? (count + 7) / 8 : count * size();
    }

    /** Event objects (g2, g22, g32) as opposed to static values. */
    public boolean isEvent() {
        return group == 2 || group == 22 || group == 32;
    }

    public static Optional<ObjectVariation> of(int group, int variation) {
        for (ObjectVariation v : values()) {
            if (v.group == group && v.variation == variation) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "g" + group + "v" + variation;
    }
}
