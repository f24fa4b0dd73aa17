package io.pqagent.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.mux.ControlListener;
import io.pqagent.agent.mux.MuxCodec;
import io.pqagent.agent.mux.MuxFrame;
import io.pqagent.agent.mux.MuxRole;
import io.pqagent.agent.mux.MuxStream;
import io.pqagent.agent.mux.ResetCode;
import io.pqagent.agent.mux.StreamHandler;
import io.pqagent.agent.observe.AuditLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TunnelMux} between a tunnel and its multiplexer, the tunnel scripted: it sends only while the
 * tunnel is writable and resumes on the tunnel's signal; a peer that floods PINGs without reading the
 * PONGs gets its tunnel closed, with an audit line naming the error.
 */
class TunnelMuxTest {
    private final ByteArrayOutputStream auditOut = new ByteArrayOutputStream();
    private final AuditLog audit = AuditLog.to(auditOut, java.time.Clock.systemUTC());
    private final ScriptedTunnel tunnel = new ScriptedTunnel();
    private final TunnelMux mux = new TunnelMux("bravo", tunnel, MuxRole.DIALER,
            stream -> stream.reset(ResetCode.UNKNOWN_SERVICE, "none"), ControlListener.NONE, audit);

    private static final StreamHandler QUIET = new StreamHandler() {
        @Override
        public void onData(MuxStream stream, byte[] data) {
        }

        @Override
        public void onRemoteClose(MuxStream stream) {
        }

        @Override
        public void onReset(MuxStream stream, ResetCode code, String text) {
        }
    };

    @Test
    void sendsOnlyWhileTheTunnelIsWritableAndResumesOnItsSignal() {
        tunnel.writable = false;
        boolean[] mayGoOn = new boolean[1];
        mux.run(m -> mayGoOn[0] = m.open("echo", new byte[0], QUIET).write(new byte[] {1, 2, 3}));
        assertThat(tunnel.sent).isEmpty();
        assertThat(mayGoOn[0]).as("the writer is told to stop").isFalse();

        tunnel.becomeWritable();
        assertThat(tunnel.sent).hasSize(1);
        assertThat(frames(tunnel.sent.get(0))).anyMatch(MuxFrame.Open.class::isInstance)
                .anyMatch(MuxFrame.Data.class::isInstance);
    }

    @Test
    void aPeerThatFloodsWithoutReadingIsCutOffWithAnAuditLine() throws Exception {
        tunnel.writable = false; // the peer reads nothing we send
        List<MuxFrame> pings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pings.add(new MuxFrame.Ping(i));
        }
        byte[] message = MuxCodec.encode(pings);
        for (int i = 0; i < 1000 && !mux.mux.isLost(); i++) {
            mux.received(message);
        }

        assertThat(mux.mux.isLost()).as("the multiplexer gave up the tunnel").isTrue();
        assertThat(tunnel.closeCalls).isEqualTo(1);
        assertThat(mux.mux.queuedControlBytes()).isZero();
        String line = auditOut.toString(StandardCharsets.UTF_8);
        assertThat(line).contains("\"event\":\"framing_violation\"", "\"peer\":\"bravo\"",
                "\"error\":\"CONTROL_QUEUE_FULL\"");
    }

    private static List<MuxFrame> frames(byte[] message) {
        try {
            return MuxCodec.decode(message);
        } catch (io.pqagent.agent.mux.MuxException e) {
            throw new AssertionError(e);
        }
    }
}
