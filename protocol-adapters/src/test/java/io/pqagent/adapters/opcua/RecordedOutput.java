package io.pqagent.adapters.opcua;

import io.pqagent.agent.filter.FilterOutput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a filter did with one stream, in order: what each side was sent, resets, audit events. */
final class RecordedOutput implements FilterOutput {
    final List<byte[]> toTarget = new ArrayList<>();
    final List<byte[]> toOpener = new ArrayList<>();
    final List<String> resets = new ArrayList<>();
    final List<Map<String, Object>> audits = new ArrayList<>();

    @Override
    public void toTarget(byte[] data) {
        toTarget.add(data.clone());
    }

    @Override
    public void toOpener(byte[] data) {
        toOpener.add(data.clone());
    }

    @Override
    public void reset(String reason) {
        resets.add(reason);
    }

    @Override
    public void audit(String event, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", event);
        all.putAll(fields);
        audits.add(all);
    }

    byte[] target() {
        return concat(toTarget);
    }

    byte[] opener() {
        return concat(toOpener);
    }

    List<Map<String, Object>> audits(String event) {
        return audits.stream().filter(a -> event.equals(a.get("event"))).toList();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        parts.forEach(b::writeBytes);
        return b.toByteArray();
    }
}
