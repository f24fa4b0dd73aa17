package io.pqagent.adapters.dnp3.app;

import java.util.Optional;

/**
 * The control code octet of a CROB (g12v1), kept as sent so a reply can echo it exactly:
 * <pre>
 *   bit 7..6      5    4    3..0
 *     trip/close  CR   QU   operation type
 * </pre>
 * Operation types: 0 NUL, 1 PULSE_ON, 2 PULSE_OFF, 3 LATCH_ON, 4 LATCH_OFF; trip/close: 0 NUL, 1 CLOSE, 2 TRIP.
 */
public record ControlCode(int octet) {
    public static final int NUL = 0;
    public static final int PULSE_ON = 1;
    public static final int PULSE_OFF = 2;
    public static final int LATCH_ON = 3;
    public static final int LATCH_OFF = 4;
    public static final int TCC_NUL = 0;
    public static final int TCC_CLOSE = 1;
    public static final int TCC_TRIP = 2;

    public ControlCode {
        if ((octet & ~0xFF) != 0) {
            throw new IllegalArgumentException("control code " + octet + " is not one octet");
        }
    }

    public static ControlCode of(int operationType, int tripClose) {
        return new ControlCode((tripClose & 0x03) << 6 | (operationType & 0x0F));
    }

    public static ControlCode latchOn() {
        return of(LATCH_ON, TCC_NUL);
    }

    public static ControlCode latchOff() {
        return of(LATCH_OFF, TCC_NUL);
    }

    public int operationType() {
        return octet & 0x0F;
    }

    public int tripClose() {
        return octet >>> 6;
    }

    public boolean clear() {
        return (octet & 0x20) != 0;
    }

    public boolean queue() {
        return (octet & 0x10) != 0;
    }

    /**
     * The output state this code asks for, where it names one: LATCH_ON or PULSE_ON with CLOSE is on,
     * LATCH_OFF or PULSE_ON with TRIP is off. Empty for NUL, plain pulses, reserved codes, or CR set.
     */
    public Optional<Boolean> requestedState() {
        if (clear() || tripClose() == 3) {
            return Optional.empty();
        }
        int op = operationType();
        int tcc = tripClose();
        if (tcc == TCC_NUL && op == LATCH_ON) {
            return Optional.of(true);
        }
        if (tcc == TCC_NUL && op == LATCH_OFF) {
            return Optional.of(false);
        }
        if (op == PULSE_ON && tcc != TCC_NUL) {
            return Optional.of(tcc == TCC_CLOSE);
        }
        return Optional.empty();
    }
}
