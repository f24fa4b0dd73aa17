package io.pqagent.adapters.dnp3.app;

/** The internal indications of a response (IEEE 1815): IIN1 bits 0..7, then IIN2 bits 0..7. */
public enum IinBit {
    BROADCAST(0),
    CLASS_1_EVENTS(1),
    CLASS_2_EVENTS(2),
    CLASS_3_EVENTS(3),
    NEED_TIME(4),
    LOCAL_CONTROL(5),
    DEVICE_TROUBLE(6),
    DEVICE_RESTART(7),
    NO_FUNC_CODE_SUPPORT(8),
    OBJECT_UNKNOWN(9),
    PARAMETER_ERROR(10),
    EVENT_BUFFER_OVERFLOW(11),
    ALREADY_EXECUTING(12),
    CONFIG_CORRUPT(13),
    RESERVED_2(14),
    RESERVED_1(15);

    private final int position;

    IinBit(int position) {
        this.position = position;
    }

    /** The bit in {@link Iin#bits()}: IIN1 in the low octet, IIN2 in the high one. */
    public int mask() {
        return 1 << position;
    }
}
