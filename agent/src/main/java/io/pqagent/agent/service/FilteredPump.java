package io.pqagent.agent.service;

import io.pqagent.agent.filter.FilterOutput;
import io.pqagent.agent.filter.StreamFilter;
import io.pqagent.agent.mux.MuxStream;
import io.pqagent.agent.mux.ResetCode;
import io.pqagent.agent.observe.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target's side of a stream, with the service's filter in between: what the master sends is
 * inspected before it reaches the target, and a denied request is answered by the filter without ever
 * touching the target.
 */
final class FilteredPump extends StreamPump {
    private final StreamFilter filter;
    private final AuditLog audit;
    private final String peer;
    private final String service;

    FilteredPump(TunnelMux mux, StreamFilter filter, AuditLog audit, String peer, String service) {
        super(mux);
        this.filter = filter;
        this.audit = audit;
        this.peer = peer;
        this.service = service;
    }

    @Override
    public void onData(MuxStream s, byte[] data) {
        Output out = new Output(s);
        filter.fromOpener(data, out);
        // the peer gets credit back once whatever went on to the target has been written
        if (out.pendingWrites == 0) {
            s.consumed(data.length);
        } else {
            out.onAllWritten = () -> s.consumed(data.length);
        }
    }

    @Override
    void fromSocket(byte[] data) {
        MuxStream s = stream;
        if (s != null) {
            Output out = new Output(s);
            filter.fromTarget(data, out);
            if (!out.blocked) {
                channel.read(); // else onWritable asks for the next chunk
            }
        }
    }

    /** On the mux thread; collects what the filter decided for one chunk. */
    private final class Output implements FilterOutput {
        private final MuxStream s;
        int pendingWrites;
        Runnable onAllWritten;
        boolean blocked;

        Output(MuxStream s) {
            this.s = s;
        }

        @Override
        public void toTarget(byte[] data) {
            pendingWrites++;
            toSocket(data, () -> mux.run(m -> {
                if (--pendingWrites == 0 && onAllWritten != null) {
                    onAllWritten.run();
                }
            }));
        }

        @Override
        public void toOpener(byte[] data) {
            if (!s.write(data)) {
                blocked = true;
            }
        }

        @Override
        public void reset(String reason) {
            s.reset(ResetCode.POLICY_DENIED, reason.length() > 120 ? reason.substring(0, 120) : reason);
            channel.close();
        }

        @Override
        public void audit(String event, Map<String, ?> fields) {
            Map<String, Object> all = new LinkedHashMap<>(fields);
            all.put("peer", peer);
            all.put("service", service);
            audit.record(event, all);
        }
    }
}
