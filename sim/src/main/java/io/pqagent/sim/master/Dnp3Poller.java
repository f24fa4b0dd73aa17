package io.pqagent.sim.master;

import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.CounterPoint;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.master.Dnp3Master;
import io.pqagent.adapters.dnp3.master.MasterConfig;
import io.pqagent.adapters.dnp3.master.PollResult;
import io.pqagent.adapters.dnp3.master.ResponseTimeoutException;
import io.pqagent.sim.device.Dnp3Map;
import java.io.IOException;

/**
 * Polls a stage's DNP3 face with the protocol-adapters master: an integrity poll per cycle (events and all
 * static points, the slot counters among them), pump commands by select-before-operate of a latch CROB on
 * binary output {@code slot}. The stage has no analog outputs, so valve commands go as pump commands too:
 * every command is a CROB. A probe is a DIRECT_OPERATE on the probe slot, which the DNP3 filter drops:
 * no answer within the timeout is the expected denial.
 */
public final class Dnp3Poller extends PollingMaster {
    private final int masterAddress;
    private final int outstationAddress;
    private Dnp3Master master;

    public Dnp3Poller(MasterSettings settings, int masterAddress, int outstationAddress, LatencyLog latency) {
        super(settings, latency);
        this.masterAddress = masterAddress;
        this.outstationAddress = outstationAddress;
    }

    @Override
    protected void open() throws IOException {
        master = Dnp3Master.connect(settings.target(),
                MasterConfig.defaults(masterAddress, outstationAddress).withResponseTimeout(settings.timeout()));
    }

    @Override
    protected void shut() {
        try {
            if (master != null) {
                master.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection
        }
        master = null;
    }

    @Override
    protected long poll() throws Exception {
        PollResult r = timed(master::integrityPoll);
        var level = r.analogInputs().get(0);
        if (level != null) {
            sawLevel(level.value());
        }
        CounterPoint count = r.counters().get(settings.slot());
        if (count == null || r.counters().size() != Dnp3Map.PUMP_STARTS_COUNTER + 1) {
            throw new IOException("integrity poll without the " + (Dnp3Map.PUMP_STARTS_COUNTER + 1) + " counters: "
                    + r.counters().keySet());
        }
        return count.value();
    }

    @Override
    protected WriteOutcome send(Command command) {
        boolean on = command.pump() ? command.run() : command.valvePercent() >= 50;
        try {
            CommandStatus status = timed(() -> master.selectAndOperate(settings.slot(), Crob.latch(on)));
            if (status == CommandStatus.SUCCESS) {
                return WriteOutcome.ACKNOWLEDGED;
            }
            noteError(new IOException("CROB on binary output " + settings.slot() + ": " + status));
            return WriteOutcome.REFUSED;
        } catch (Exception e) {
            noteError(e);
            return WriteOutcome.UNKNOWN;
        }
    }

    @Override
    protected ProbeResult probe(int slot) {
        try {
            CommandStatus status = timed(() -> master.directOperate(slot, Crob.latch(true)));
            return status == CommandStatus.SUCCESS ? ProbeResult.CARRIED_OUT : ProbeResult.DENIED;
        } catch (ResponseTimeoutException dropped) {
            return ProbeResult.DENIED;
        } catch (Exception e) {
            noteError(e);
            return ProbeResult.FAILED;
        }
    }
}
