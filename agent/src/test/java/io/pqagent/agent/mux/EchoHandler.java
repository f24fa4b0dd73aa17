package io.pqagent.agent.mux;

/**
 * An acceptor-side local end that echoes everything back and half-closes when the peer does. It
 * consumes only what it could queue for sending, so it passes backpressure through honestly.
 */
final class EchoHandler extends RecordingHandler {
    private int owed;

    EchoHandler() {
        stalled = true; // consumption is decided here, not in the recorder
    }

    @Override
    public void onData(MuxStream s, byte[] data) {
        super.onData(s, data);
        s.write(data);
        owed += data.length;
        settle(s);
    }

    @Override
    public void onWritable(MuxStream s) {
        super.onWritable(s);
        settle(s);
    }

    @Override
    public void onRemoteClose(MuxStream s) {
        super.onRemoteClose(s);
        s.close();
    }

    private void settle(MuxStream s) {
        if (owed > 0 && s.isWritable()) {
            int n = owed;
            owed = 0;
            s.consumed(n);
        }
    }
}
