package io.pqagent.adapters.testing;

import io.pqagent.agent.filter.FilterOutput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link FilterOutput} that remembers what the filter did, for the filters' unit tests. */
public final class RecordingOutput implements FilterOutput {
    public final ByteArrayOutputStream toTarget = new ByteArrayOutputStream();
    public final ByteArrayOutputStream toOpener = new ByteArrayOutputStream();
    public final List<String> resets = new ArrayList<>();
    public final List<Map<String, Object>> audits = new ArrayList<>();

    @Override
    public void toTarget(byte[] data) {
        toTarget.writeBytes(data);
    }

    @Override
    public void toOpener(byte[] data) {
        toOpener.writeBytes(data);
    }

    @Override
    public void reset(String reason) {
        resets.add(reason);
    }

    @Override
    public void audit(String event, Map<String, ?> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.putAll(fields);
        audits.add(m);
    }

    /** The audit entries of one event, each with its {@code event} first. */
    public List<Map<String, Object>> audits(String event) {
        return audits.stream().filter(a -> a.get("event").equals(event)).toList();
    }

    public byte[] target() {
        return toTarget.toByteArray();
    }

    public byte[] opener() {
        return toOpener.toByteArray();
    }
}
