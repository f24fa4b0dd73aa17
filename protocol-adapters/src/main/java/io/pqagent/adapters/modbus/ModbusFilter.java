package io.pqagent.adapters.modbus;

import io.pqagent.agent.filter.FilterOutput;
import io.pqagent.agent.filter.StreamFilter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One Modbus/TCP stream on the PLC's side. Each request from the master is framed, checked against the
 * specification and the policy, and either forwarded unchanged or answered here with an exception
 * response carrying its transaction id and unit id (and audited), so a refused request never reaches
 * the PLC. Each response from the PLC is framed and matched to its request. A frame that breaks its own
 * framing, in either direction, closes the stream with an audit entry; the tunnel and other streams go on.
 */
final class ModbusFilter implements StreamFilter {
    private final ModbusPolicy policy;
    private final MbapFramer requests = new MbapFramer();
    private final MbapFramer responses = new MbapFramer();
    private final PendingRequests pending = new PendingRequests();
    private boolean closed;

    ModbusFilter(ModbusPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void fromOpener(byte[] data, FilterOutput out) {
        if (closed) {
            return;
        }
        // consecutive allowed requests go to the PLC in one write
        ByteArrayOutputStream allowed = new ByteArrayOutputStream(data.length);
        requests.feed(data);
        try {
            for (Optional<ModbusFrame> f = requests.next(); f.isPresent(); f = requests.next()) {
                judge(f.get(), allowed, out);
            }
        } catch (MalformedFrameException e) {
            flush(allowed, out::toTarget);
            close(out, "request", e.reason());
            return;
        }
        flush(allowed, out::toTarget);
    }

    private void judge(ModbusFrame frame, ByteArrayOutputStream allowed, FilterOutput out) throws MalformedFrameException {
        ParsedRequest request;
        try {
            request = RequestParser.parse(frame);
        } catch (RequestRefused e) {
            out.toOpener(ExceptionReply.to(frame, e.code()));
            ModbusAudit.answered(out, ModbusAudit.REFUSED, frame, List.of(), e.code(), e.reason());
            return;
        }
        PolicyVerdict verdict = policy.decide(request);
        if (verdict.allowed()) {
            allowed.writeBytes(frame.adu());
            pending.add(request);
        } else {
            out.toOpener(ExceptionReply.to(frame, verdict.code()));
            ModbusAudit.answered(out, ModbusAudit.DENIED, frame, request.accesses(), verdict.code(), verdict.reason());
        }
    }

    @Override
    public void fromTarget(byte[] data, FilterOutput out) {
        if (closed) {
            return;
        }
        ByteArrayOutputStream checked = new ByteArrayOutputStream(data.length);
        responses.feed(data);
        try {
            for (Optional<ModbusFrame> f = responses.next(); f.isPresent(); f = responses.next()) {
                ResponseChecker.check(f.get(), pending);
                checked.writeBytes(f.get().adu());
            }
        } catch (MalformedFrameException e) {
            flush(checked, out::toOpener);
            close(out, "response", e.reason());
            return;
        }
        flush(checked, out::toOpener);
    }

    private void close(FilterOutput out, String direction, String reason) {
        closed = true;
        ModbusAudit.malformed(out, direction, reason);
        out.reset("malformed Modbus " + direction + ": " + reason);
    }

    private static void flush(ByteArrayOutputStream bytes, java.util.function.Consumer<byte[]> to) {
        if (bytes.size() > 0) {
            to.accept(bytes.toByteArray());
        }
    }
}
