package io.pqagent.adapters.dnp3.link;

import java.util.Optional;

/**
 * The link control octet (IEEE 1815):
 * <pre>
 *   bit 7   6   5        4        3..0
 *     DIR PRM FCB(*)   FCV/DFC  function code
 * </pre>
 * DIR is 1 on frames from the master; PRM is 1 on primary frames. On primary frames bits 5 and 4 are FCB
 * and FCV; on secondary frames bit 5 is reserved and bit 4 is DFC. {@code fcb} and {@code fcvOrDfc} hold the
 * bits as sent.
 */
public record LinkControl(boolean dir, boolean prm, boolean fcb, boolean fcvOrDfc, int functionCode) {
    public LinkControl {
        if (functionCode < 0 || functionCode > 15) {
            throw new IllegalArgumentException("link function code " + functionCode + " is not 0..15");
        }
    }

    /** A frame without link confirmation (FCV 0, FCB 0), as DNP3 over TCP uses for user data. */
    public static LinkControl of(boolean fromMaster, LinkFunction function) {
        return new LinkControl(fromMaster, function.primary(), false, false, function.code());
    }

    public static LinkControl decode(int octet) {
        return new LinkControl((octet & 0x80) != 0, (octet & 0x40) != 0, (octet & 0x20) != 0, (octet & 0x10) != 0,
                octet & 0x0F);
    }

    public int encode() {
        return (dir ? 0x80 : 0) | (prm ? 0x40 : 0) | (fcb ? 0x20 : 0) | (fcvOrDfc ? 0x10 : 0) | functionCode;
    }

    /** The defined function for (PRM, code), or empty for a reserved code. */
    public Optional<LinkFunction> function() {
        return LinkFunction.of(prm, functionCode);
    }
}
