package io.pqagent.adapters.modbus;

/**
 * A well-framed request that a Modbus server must answer with an exception (MB-APP §6, §7): an
 * unsupported function (01), an address past 65535 (02), a quantity, byte count or value out of range
 * (03). The filter answers it itself; the PLC never sees it.
 */
public final class RequestRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ExceptionCode code;

    public RequestRefused(ExceptionCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public ExceptionCode code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
