package io.pqagent.adapters.dnp3.app;

import java.util.List;

/**
 * A request fragment (IEEE 1815 fragment layout): application control, function code, object blocks.
 * <pre>
 * +---------+----------+--------------------------------------+
 * | AC u8   | FC u8    | object header [prefixes] [objects]...|
 * +---------+----------+--------------------------------------+
 * </pre>
 */
public record AppRequest(AppControl control, FunctionCode function, List<ObjectBlock> objects) {
    public AppRequest {
        if (function.isResponse()) {
            throw new IllegalArgumentException(function + " is a response function code");
        }
        objects = List.copyOf(objects);
    }

    /** Decodes a whole request fragment. */
    public static AppRequest decode(byte[] fragment) throws AppParseException {
        FragmentCursor c = new FragmentCursor(fragment);
        AppControl control = AppControl.decode(c.u8("application control"));
        FunctionCode function = requestFunction(c.u8("function code"));
        boolean withData = switch (function.requestContent()) {
            case NONE -> {
                if (c.remaining() > 0) {
                    throw new AppParseException(function + " carries no objects, but " + c.remaining()
                            + " octets follow the function code");
                }
                yield false;
            }
            case HEADERS -> false;
            default -> true;
        };
        return new AppRequest(control, function, ObjectBlocks.read(c, withData));
    }

    /** The function code of a request fragment, reading nothing after it. */
    public static FunctionCode peekFunction(byte[] fragment) throws AppParseException {
        FragmentCursor c = new FragmentCursor(fragment);
        c.u8("application control");
        return requestFunction(c.u8("function code"));
    }

    private static FunctionCode requestFunction(int code) throws AppParseException {
        FunctionCode f = FunctionCode.of(code).orElseThrow(() ->
                new AppParseException(AppParseException.Kind.UNKNOWN_FUNCTION,
                        "function code 0x" + String.format("%02X", code) + " is not defined"));
        if (f.isResponse()) {
            throw new AppParseException("function " + f + " is sent by outstations, not in a request");
        }
        return f;
    }

    public byte[] encode() {
        FragmentWriter w = new FragmentWriter();
        w.u8(control.encode());
        w.u8(function.code());
        for (ObjectBlock b : objects) {
            ObjectBlocks.write(w, b);
        }
        return w.toByteArray();
    }
}
