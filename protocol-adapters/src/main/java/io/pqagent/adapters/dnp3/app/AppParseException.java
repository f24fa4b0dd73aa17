package io.pqagent.adapters.dnp3.app;

/** An application fragment that breaks IEEE 1815 or leaves this codec's scope; the message says where and how. */
public final class AppParseException extends Exception {

    /** Which IIN2 bit an outstation answers with (IEEE 1815). */
    public enum Kind {
        /** Malformed: PARAMETER_ERROR. */
        MALFORMED,
        /** A function code that is not defined: NO_FUNC_CODE_SUPPORT. */
        UNKNOWN_FUNCTION,
        /** An object this codec cannot size or decode: OBJECT_UNKNOWN. */
        UNKNOWN_OBJECT
    }

    private final Kind kind;

    public AppParseException(String message) {
        this(Kind.MALFORMED, message);
    }

    public AppParseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
