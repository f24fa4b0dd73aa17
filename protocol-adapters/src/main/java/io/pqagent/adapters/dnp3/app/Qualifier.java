package io.pqagent.adapters.dnp3.app;

import java.util.Optional;

/**
 * The qualifier codes this codec reads and writes (IEEE 1815 object header qualifier): bit 7 reserved, bits 6..4 the
 * object prefix code, bits 3..0 the range specifier code.
 */
public enum Qualifier {
    /** 1-octet start and stop indexes, no prefix. */
    START_STOP_8(0x00, 0, RangeKind.START_STOP, 1),
    /** 2-octet start and stop indexes, no prefix. */
    START_STOP_16(0x01, 0, RangeKind.START_STOP, 2),
    /** No range: all objects of the type. */
    ALL(0x06, 0, RangeKind.ALL, 0),
    /** 1-octet count, no prefix. */
    COUNT_8(0x07, 0, RangeKind.COUNT, 1),
    /** 2-octet count, no prefix. */
    COUNT_16(0x08, 0, RangeKind.COUNT, 2),
    /** 1-octet count; each object prefixed by its 1-octet index. */
    INDEXED_COUNT_8(0x17, 1, RangeKind.COUNT, 1),
    /** 2-octet count; each object prefixed by its 2-octet index. */
    INDEXED_COUNT_16(0x28, 2, RangeKind.COUNT, 2);

    /** How the range field reads. */
    public enum RangeKind {
        START_STOP, COUNT, ALL
    }

    private final int code;
    private final int prefixSize;
    private final RangeKind rangeKind;
    private final int rangeFieldSize;

    Qualifier(int code, int prefixSize, RangeKind rangeKind, int rangeFieldSize) {
        this.code = code;
        this.prefixSize = prefixSize;
        this.rangeKind = rangeKind;
        this.rangeFieldSize = rangeFieldSize;
    }

    public int code() {
        return code;
    }

    /** Octets of index prefix in front of each object: 0, 1 or 2. */
    public int prefixSize() {
        return prefixSize;
    }

    public RangeKind rangeKind() {
        return rangeKind;
    }

    /** Octets of each range number (start and stop, or the count). */
    public int rangeFieldSize() {
        return rangeFieldSize;
    }

    /** The largest number a range field or prefix of this width can hold. */
    public int maxValue() {
        return rangeFieldSize == 1 ? 0xFF : 0xFFFF;
    }

    public static Optional<Qualifier> of(int code) {
        for (Qualifier q : values()) {
            if (q.code == code) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
