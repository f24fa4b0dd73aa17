package io.pqagent.adapters.dnp3.app;

import java.util.OptionalLong;

/** One object of a fixed-size variation to and from its octets (packed binaries are done per block). */
final class ObjectCodec {
    private ObjectCodec() {
    }

    static DnpObject read(ObjectVariation v, FragmentCursor c) throws AppParseException {
        String what = v.toString();
        switch (v.kind()) {
            case BINARY -> {
                int f = c.u8(what + " flags");
                return new BinaryPoint(f & 0x7F, (f & PointFlags.BINARY_STATE) != 0, time(v, c));
            }
            case COUNTER -> {
                int f = v.hasFlags() ? c.u8(what + " flags") : PointFlags.ONLINE;
                long value = v.value() == ObjectVariation.Value.U16 ? c.u16(what + " value") : c.u32(what + " value");
                return new CounterPoint(f, value, time(v, c));
            }
            case ANALOG -> {
                int f = v.hasFlags() ? c.u8(what + " flags") : PointFlags.ONLINE;
                double value = number(v.value(), c, what);
                return new AnalogPoint(f, value, time(v, c));
            }
            case CROB -> {
                int code = c.u8(what + " control code");
                int count = c.u8(what + " count");
                long on = c.u32(what + " on-time");
                long off = c.u32(what + " off-time");
                return new Crob(new ControlCode(code), count, on, off, CommandStatus.of(c.u8(what + " status")));
            }
            case ANALOG_OUTPUT -> {
                double value = number(v.value(), c, what);
                return new AnalogOutputBlock(value, CommandStatus.of(c.u8(what + " status")));
            }
            default -> throw new AppParseException(what + " carries no object data");
        }
    }

    static void write(ObjectVariation v, DnpObject o, FragmentWriter w) {
        switch (v.kind()) {
            case BINARY -> {
                BinaryPoint b = as(BinaryPoint.class, v, o);
                w.u8(b.flags() | (b.state() ? PointFlags.BINARY_STATE : 0));
                writeTime(v, b.time(), w);
            }
            case COUNTER -> {
                CounterPoint p = as(CounterPoint.class, v, o);
                if (v.hasFlags()) {
                    w.u8(p.flags());
                }
                // counters roll over at their width (IEEE 1815 counters): the low bits are the count
                if (v.value() == ObjectVariation.Value.U16) {
                    w.u16((int) p.value() & 0xFFFF);
                } else {
                    w.u32(p.value());
                }
                writeTime(v, p.time(), w);
            }
            case ANALOG -> {
                AnalogPoint p = as(AnalogPoint.class, v, o);
                FragmentWriter value = new FragmentWriter();
                boolean clamped = writeNumber(v.value(), p.value(), value);
                if (v.hasFlags()) {
                    w.u8(p.flags() | (clamped ? PointFlags.OVER_RANGE : 0));
                }
                for (byte b : value.toByteArray()) {
                    w.u8(b);
                }
                writeTime(v, p.time(), w);
            }
            case CROB -> {
                Crob c = as(Crob.class, v, o);
                w.u8(c.code().octet());
                w.u8(c.count());
                w.u32(c.onTimeMs());
                w.u32(c.offTimeMs());
                w.u8(c.status().code());
            }
            case ANALOG_OUTPUT -> {
                AnalogOutputBlock a = as(AnalogOutputBlock.class, v, o);
                if (writeNumber(v.value(), a.value(), w)) {
                    throw new IllegalArgumentException("set-point " + a.value() + " does not fit " + v);
                }
                w.u8(a.status().code());
            }
            default -> throw new IllegalArgumentException(v + " carries no object data");
        }
    }

    private static OptionalLong time(ObjectVariation v, FragmentCursor c) throws AppParseException {
        return v.hasTime() ? OptionalLong.of(c.u48(v + " time")) : OptionalLong.empty();
    }

    private static void writeTime(ObjectVariation v, OptionalLong time, FragmentWriter w) {
        if (v.hasTime()) {
            long t = time.orElseThrow(() -> new IllegalArgumentException(v + " needs a time"));
            if (t < 0 || t >= 1L << 48) {
                throw new IllegalArgumentException("time " + t + " does not fit 48 bits");
            }
            w.u48(t);
        }
    }

    private static double number(ObjectVariation.Value type, FragmentCursor c, String what) throws AppParseException {
        return switch (type) {
            case I16 -> (short) c.u16(what + " value");
            case I32 -> (int) c.u32(what + " value");
            case F32 -> Float.intBitsToFloat((int) c.u32(what + " value"));
            case F64 -> Double.longBitsToDouble(c.u64(what + " value"));
            default -> throw new AppParseException(what + " has no numeric value");
        };
    }

    /** Writes {@code value} in {@code type}; true if it had to be clamped (or was NaN for an integer type). */
    private static boolean writeNumber(ObjectVariation.Value type, double value, FragmentWriter w) {
        switch (type) {
            case I16, I32 -> {
                long min = type == ObjectVariation.Value.I16 ? Short.MIN_VALUE : Integer.MIN_VALUE;
                long max = type == ObjectVariation.Value.I16 ? Short.MAX_VALUE : Integer.MAX_VALUE;
                boolean clamped = Double.isNaN(value) || value < min || value > max;
                long v = Double.isNaN(value) ? 0 : Math.max(min, Math.min(max, Math.round(value)));
                if (type == ObjectVariation.Value.I16) {
                    w.u16((int) v & 0xFFFF);
                } else {
                    w.u32(v & 0xFFFF_FFFFL);
                }
                return clamped;
            }
            case F32 -> {
                // a finite double beyond float range would become infinity: clamp it instead
                boolean clamped = Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE;
                float f = clamped ? (float) Math.copySign(Float.MAX_VALUE, value) : (float) value;
                w.u32(Float.floatToRawIntBits(f) & 0xFFFF_FFFFL);
                return clamped;
            }
            case F64 -> {
                w.u64(Double.doubleToRawLongBits(value));
                return false;
            }
            default -> throw new IllegalArgumentException("no numeric value of type " + type);
        }
    }

    private static <T extends DnpObject> T as(Class<T> type, ObjectVariation v, DnpObject o) {
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException(v + " holds " + type.getSimpleName() + " objects, not "
                    + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        return type.cast(o);
    }
}
