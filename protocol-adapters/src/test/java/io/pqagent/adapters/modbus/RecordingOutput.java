package io.pqagent.adapters.modbus;

import io.pqagent.agent.filter.FilterOutput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link FilterOutput} that remembers what the filter did. */
final class RecordingOutput implements FilterOutput {
    final ByteArrayOutputStream toTarget = new ByteArrayOutputStream();
    final ByteArrayOutputStream toOpener = new ByteArrayOutputStream();
    final List<String> resets = new ArrayList<>();
    final List<Map<String, Object>> audits = new ArrayList<>();

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
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("event", event);
        audits.add(all);
    }

    byte[] target() {
        return toTarget.toByteArray();
    }

    byte[] opener() {
        return toOpener.toByteArray();
    }
}
