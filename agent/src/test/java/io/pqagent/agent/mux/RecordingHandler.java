package io.pqagent.agent.mux;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A local side that records what it was told and checks the callback order: no data after CLOSE or
 * RESET, nothing at all after RESET. It consumes at once unless stalled.
 */
class RecordingHandler implements StreamHandler {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<String> violations = new ArrayList<>();
    MuxStream stream;
    boolean opened;
    boolean remoteClosed;
    ResetCode resetCode;
    String resetText;
    boolean stalled;
    int writableCalls;

    @Override
    public void onOpened(MuxStream s) {
        check(s, "onOpened");
        opened = true;
    }

    @Override
    public void onData(MuxStream s, byte[] data) {
        check(s, "onData");
        if (remoteClosed) {
            violations.add("data after CLOSE on " + s.id());
        }
        received.writeBytes(data);
        if (!stalled) {
            s.consumed(data.length);
        }
    }

    @Override
    public void onRemoteClose(MuxStream s) {
        check(s, "onRemoteClose");
        if (remoteClosed) {
            violations.add("second CLOSE on " + s.id());
        }
        remoteClosed = true;
    }

    @Override
    public void onReset(MuxStream s, ResetCode code, String text) {
        check(s, "onReset");
        resetCode = code;
        resetText = text;
    }

    @Override
    public void onWritable(MuxStream s) {
        check(s, "onWritable");
        writableCalls++;
    }

    /** Lets a stalled consumer take everything it was given. */
    void unstall() {
        stalled = false;
        if (stream != null && stream.bufferedBytes() > 0) {
            stream.consumed(stream.bufferedBytes());
        }
    }

    private void check(MuxStream s, String callback) {
        if (stream == null) {
            stream = s;
        } else if (stream != s) {
            violations.add(callback + " for another stream");
        }
        if (resetCode != null) {
            violations.add(callback + " after RESET on " + s.id());
        }
    }
}
