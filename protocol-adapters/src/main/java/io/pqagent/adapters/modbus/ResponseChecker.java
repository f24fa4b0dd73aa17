package io.pqagent.adapters.modbus;

/**
 * Checks a frame from the PLC against the request it answers (MB-APP §6, §7): same transaction and unit
 * id, the request's function code (or it with the top bit set, then exactly one exception code byte),
 * and the body the request calls for. A PLC answering something nobody asked, or in a shape its request
 * does not allow, is not trusted with the rest of the stream.
 */
final class ResponseChecker {
    private ResponseChecker() {
    }

    static void check(ModbusFrame response, PendingRequests pending) throws MalformedFrameException {
        ParsedRequest request = pending.take(response.transactionId()).orElseThrow(() -> new MalformedFrameException(
                "response with transaction id " + response.transactionId() + " answers no pending request"));
        ModbusFrame asked = request.frame();
        if (response.unitId() != asked.unitId()) {
            throw new MalformedFrameException("response from unit " + response.unitId() + " to a request for unit "
                    + asked.unitId());
        }
        int fc = response.functionCode();
        if (fc == (asked.functionCode() | 0x80)) {
            // MB-APP §7: an exception response is the function code with bit 7 set and one exception code
            if (response.pduLength() != 2 || response.pduByte(1) == 0) {
                throw new MalformedFrameException("exception response for function " + asked.functionCode() + " of "
                        + response.pduLength() + " bytes, code " + (response.pduLength() > 1 ? response.pduByte(1) : -1));
            }
            return;
        }
        if (fc != asked.functionCode()) {
            throw new MalformedFrameException("response function " + fc + " to a function " + asked.functionCode()
                    + " request");
        }
        if (request.expected() instanceof ExpectedResponse.Data data) {
            // reads: byte count, then exactly that many bytes, and as many as the request's quantity needs
            if (response.pduLength() < 2 || response.pduByte(1) != data.byteCount()
                    || response.pduLength() != 2 + data.byteCount()) {
                throw new MalformedFrameException("function " + fc + " response of " + response.pduLength()
                        + " bytes (byte count must be " + data.byteCount() + ")");
            }
        } else if (request.expected() instanceof ExpectedResponse.Echo echo && !echo.matches(response)) {
            throw new MalformedFrameException("function " + fc + " response does not echo its request");
        }
    }
}
