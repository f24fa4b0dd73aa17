package io.pqagent.adapters.dnp3;

import io.pqagent.agent.filter.FilterOutput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a filter did, for assertions. */
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.putAll(fields);
        audits.add(m);
    }

    List<Map<String, Object>> audits(String event) {
        return audits.stream().filter(a -> a.get("event").equals(event)).toList();
    }
}
