package io.pqagent.adapters.dnp3.app;

/**
 * Control relay output block, g12v1 (11 octets): control code, count, on-time and off-time in milliseconds
 * (u32 LE each), status. Masters send status {@link CommandStatus#SUCCESS}; the outstation echoes the block
 * with its status.
 */
public record Crob(ControlCode code, int count, long onTimeMs, long offTimeMs, CommandStatus status) implements DnpObject {
    public Crob {
        if (count < 0 || count > 0xFF || onTimeMs < 0 || onTimeMs > 0xFFFF_FFFFL || offTimeMs < 0
                || offTimeMs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("CROB count " + count + ", on " + onTimeMs + " ms, off " + offTimeMs
                    + " ms: count is one octet, times 0..2^32-1");
        }
    }

    /** A latch (count 1, no times) as masters send it. */
    public static Crob latch(boolean on) {
        return new Crob(on ? ControlCode.latchOn() : ControlCode.latchOff(), 1, 0, 0, CommandStatus.SUCCESS);
    }

    public Crob withStatus(CommandStatus s) {
        return new Crob(code, count, onTimeMs, offTimeMs, s);
    }
}
