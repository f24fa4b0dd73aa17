package io.pqagent.adapters.dnp3.app;

import java.util.Locale;
import java.util.Optional;

/** Application function codes (IEEE 1815), with what a request of each carries. */
public enum FunctionCode {
    CONFIRM(0x00, RequestContent.NONE),
    READ(0x01, RequestContent.HEADERS),
    WRITE(0x02, RequestContent.DATA),
    SELECT(0x03, RequestContent.DATA),
    OPERATE(0x04, RequestContent.DATA),
    DIRECT_OPERATE(0x05, RequestContent.DATA),
    DIRECT_OPERATE_NR(0x06, RequestContent.DATA),
    IMMED_FREEZE(0x07, RequestContent.HEADERS),
    IMMED_FREEZE_NR(0x08, RequestContent.HEADERS),
    FREEZE_CLEAR(0x09, RequestContent.HEADERS),
    FREEZE_CLEAR_NR(0x0A, RequestContent.HEADERS),
    FREEZE_AT_TIME(0x0B, RequestContent.DATA),
    FREEZE_AT_TIME_NR(0x0C, RequestContent.DATA),
    COLD_RESTART(0x0D, RequestContent.NONE),
    WARM_RESTART(0x0E, RequestContent.NONE),
    INITIALIZE_DATA(0x0F, RequestContent.DATA),
    INITIALIZE_APPL(0x10, RequestContent.DATA),
    START_APPL(0x11, RequestContent.DATA),
    STOP_APPL(0x12, RequestContent.DATA),
    SAVE_CONFIG(0x13, RequestContent.DATA),
    ENABLE_UNSOLICITED(0x14, RequestContent.HEADERS),
    DISABLE_UNSOLICITED(0x15, RequestContent.HEADERS),
    ASSIGN_CLASS(0x16, RequestContent.HEADERS),
    DELAY_MEASURE(0x17, RequestContent.NONE),
    RECORD_CURRENT_TIME(0x18, RequestContent.NONE),
    OPEN_FILE(0x19, RequestContent.DATA),
    CLOSE_FILE(0x1A, RequestContent.DATA),
    DELETE_FILE(0x1B, RequestContent.DATA),
    GET_FILE_INFO(0x1C, RequestContent.DATA),
    AUTHENTICATE_FILE(0x1D, RequestContent.DATA),
    ABORT_FILE(0x1E, RequestContent.DATA),
    ACTIVATE_CONFIG(0x1F, RequestContent.DATA),
    AUTHENTICATE_REQ(0x20, RequestContent.DATA),
    AUTH_REQ_NO_ACK(0x21, RequestContent.DATA),
    RESPONSE(0x81, RequestContent.NOT_A_REQUEST),
    UNSOLICITED_RESPONSE(0x82, RequestContent.NOT_A_REQUEST),
    AUTHENTICATE_RESP(0x83, RequestContent.NOT_A_REQUEST);

    /** What follows the function code in a request. */
    public enum RequestContent {
        /** Nothing: any octet after the function code is an error. */
        NONE,
        /** Object headers (with index prefixes where the qualifier has them) but no object data. */
        HEADERS,
        /** Object headers each followed by their objects. */
        DATA,
        /** Sent by outstations only. */
        NOT_A_REQUEST
    }

    private final int code;
    private final RequestContent requestContent;

    FunctionCode(int code, RequestContent requestContent) {
        this.code = code;
        this.requestContent = requestContent;
    }

    public int code() {
        return code;
    }

    public RequestContent requestContent() {
        return requestContent;
    }

    public boolean isResponse() {
        return requestContent == RequestContent.NOT_A_REQUEST;
    }

    public static Optional<FunctionCode> of(int code) {
        for (FunctionCode f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** By name as a policy writes it, case-insensitive, '-' or '_'. */
    public static Optional<FunctionCode> byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (FunctionCode f : values()) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
