package io.pqagent.adapters.dnp3.app;

/**
 * An object header (IEEE 1815): group, variation, qualifier, range field.
 * <pre>
 * +-------+-----------+-----------+--------------------------------------------+
 * | group | variation | qualifier | range: start,stop | count | (none for 0x06) |
 * | u8    | u8        | u8        | 1 or 2 octets each, little-endian           |
 * +-------+-----------+-----------+--------------------------------------------+
 * </pre>
 */
public record ObjectHeader(int group, int variation, Qualifier qualifier, ObjectRange range) {
    public ObjectHeader {
        if (group < 0 || group > 0xFF || variation < 0 || variation > 0xFF) {
            throw new IllegalArgumentException("object g" + group + "v" + variation + " is not two octets");
        }
        boolean fits = switch (qualifier.rangeKind()) {
            case ALL -> range instanceof ObjectRange.All;
            case COUNT -> range instanceof ObjectRange.Count c && c.count() <= qualifier.maxValue();
            case START_STOP -> range instanceof ObjectRange.StartStop s && s.stop() <= qualifier.maxValue();
        };
        if (!fits) {
            throw new IllegalArgumentException("range " + range + " does not fit qualifier " + qualifier);
        }
    }

    /** A class poll or "all points of a type" header (qualifier 0x06), as in READ g60v1 0x06. */
    public static ObjectHeader all(int group, int variation) {
        return new ObjectHeader(group, variation, Qualifier.ALL, new ObjectRange.All());
    }

    /** "g12v1 q0x17 [1]" style, for logs and audit entries. */
    public String describe() {
        return "g" + group + "v" + variation + " q0x" + String.format("%02X", qualifier.code());
    }
}
