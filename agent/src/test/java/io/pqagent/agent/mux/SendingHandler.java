package io.pqagent.agent.mux;

import java.util.Arrays;

/**
 * An opener-side local end that writes a payload as a socket reader would: chunks while the stream
 * says go, pausing at a false until onWritable, then half-closes.
 */
final class SendingHandler extends RecordingHandler {
    final byte[] payload;
    private final int chunk;
    private int offset;
    boolean everBlocked;
    long maxPendingSeen;

    SendingHandler(byte[] payload, int chunk) {
        this.payload = payload;
        this.chunk = chunk;
    }

    /** Starts (or resumes) writing; called once after open and by onWritable. */
    void pumpWrites(MuxStream s) {
        stream = stream == null ? s : stream;
        while (offset < payload.length && s.state() != StreamState.RESET) {
            int n = Math.min(chunk, payload.length - offset);
            boolean more = s.write(Arrays.copyOfRange(payload, offset, offset + n));
            offset += n;
            maxPendingSeen = Math.max(maxPendingSeen, s.pendingSendBytes());
            if (!more) {
                everBlocked = true;
                return;
            }
        }
        if (offset == payload.length) {
            s.close();
        }
    }

    boolean allWritten() {
        return offset == payload.length;
    }

    @Override
    public void onWritable(MuxStream s) {
        super.onWritable(s);
        pumpWrites(s);
    }
}
