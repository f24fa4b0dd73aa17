package io.pqagent.qsmp.wire;

/** A protocol failure; it always carries the protocol's error code. */
public class QsmpException extends Exception {
    private static final long serialVersionUID = 1L;
    private final QsmpError error;

    public QsmpException(QsmpError error, String detail) {
        super(error.protocolName() + " (0x" + String.format("%02X", error.code()) + "): " + detail);
        this.error = error;
    }

    public QsmpException(QsmpError error, String detail, Throwable cause) {
        this(error, detail);
        initCause(cause);
    }

    public QsmpError error() {
        return error;
    }
}
