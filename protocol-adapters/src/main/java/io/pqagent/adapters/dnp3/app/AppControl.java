package io.pqagent.adapters.dnp3.app;

/**
 * The application control octet (IEEE 1815):
 * <pre>
 *   bit 7   6   5   4   3..0
 *     FIR FIN CON UNS  SEQ (0..15)
 * </pre>
 * A solicited response carries its request's SEQ; CON asks the master for an application CONFIRM.
 */
public record AppControl(boolean fir, boolean fin, boolean con, boolean uns, int sequence) {
    public AppControl {
        if (sequence < 0 || sequence > 15) {
            throw new IllegalArgumentException("application sequence " + sequence + " is not 0..15");
        }
    }

    /** A single-fragment request (FIR, FIN), as masters send them. */
    public static AppControl request(int sequence) {
        return new AppControl(true, true, false, false, sequence);
    }

    public static AppControl decode(int octet) {
        return new AppControl((octet & 0x80) != 0, (octet & 0x40) != 0, (octet & 0x20) != 0, (octet & 0x10) != 0,
                octet & 0x0F);
    }

    public int encode() {
        return (fir ? 0x80 : 0) | (fin ? 0x40 : 0) | (con ? 0x20 : 0) | (uns ? 0x10 : 0) | sequence;
    }

    /** The sequence number after {@code sequence} (four bits, wrapping). */
    public static int next(int sequence) {
        return (sequence + 1) & 0x0F;
    }
}
