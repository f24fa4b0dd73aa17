package io.pqagent.adapters.dnp3.app;

import java.util.List;

/**
 * A response fragment (IEEE 1815 fragment layout): application control, function code (RESPONSE or
 * UNSOLICITED_RESPONSE), IIN1, IIN2, object blocks with their objects.
 * <pre>
 * +---------+----------+---------+---------+--------------------------------------+
 * | AC u8   | FC u8    | IIN1 u8 | IIN2 u8 | object header [prefixes] objects ... |
 * +---------+----------+---------+---------+--------------------------------------+
 * </pre>
 */
public record AppResponse(AppControl control, FunctionCode function, Iin iin, List<ObjectBlock> objects) {
    /** Application control, function code and the two IIN octets. */
    public static final int HEADER_SIZE = 4;

    public AppResponse {
        if (function != FunctionCode.RESPONSE && function != FunctionCode.UNSOLICITED_RESPONSE) {
            throw new IllegalArgumentException(function + " is not RESPONSE or UNSOLICITED_RESPONSE");
        }
        objects = List.copyOf(objects);
    }

    /** Decodes a whole response fragment. */
    public static AppResponse decode(byte[] fragment) throws AppParseException {
        FragmentCursor c = new FragmentCursor(fragment);
        AppControl control = AppControl.decode(c.u8("application control"));
        int code = c.u8("function code");
        FunctionCode function = FunctionCode.of(code).filter(f -> f == FunctionCode.RESPONSE
                || f == FunctionCode.UNSOLICITED_RESPONSE).orElseThrow(() -> new AppParseException("function code 0x"
                + String.format("%02X", code) + " is not RESPONSE (0x81) or UNSOLICITED_RESPONSE (0x82)"));
        Iin iin = Iin.decode(c.u8("IIN1"), c.u8("IIN2"));
        return new AppResponse(control, function, iin, ObjectBlocks.read(c, true));
    }

    public byte[] encode() {
        FragmentWriter w = new FragmentWriter();
        w.u8(control.encode());
        w.u8(function.code());
        w.u8(iin.iin1());
        w.u8(iin.iin2());
        for (ObjectBlock b : objects) {
            ObjectBlocks.write(w, b);
        }
        return w.toByteArray();
    }

    /** Octets {@code block} adds to an encoded response (to fill a fragment without overflowing it). */
    public static int encodedSize(ObjectBlock block) {
        FragmentWriter w = new FragmentWriter();
        ObjectBlocks.write(w, block);
        return w.size();
    }
}
