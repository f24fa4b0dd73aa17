package io.pqagent.sim.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.agent.plant.LocalPlant;
import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.master.LatencyLog;
import io.pqagent.sim.master.MasterReport;
import io.pqagent.sim.master.MasterSettings;
import io.pqagent.sim.scenario.RunOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device and a master as processes of their own, talking Modbus directly (no agent between them): the
 * runner's view of them over their pipes matches what the stage counted.
 */
class PartProcessTest {
    @TempDir
    Path dir;

    private DeviceProcess device() throws Exception {
        return DeviceProcess.start("stage", List.of(), RunOptions.partJvm(), "127.0.0.1", LocalPlant.freePort(), 1,
                LocalPlant.freePort(), 10, LocalPlant.freePort(), dir.resolve("device.log"));
    }

    @Test
    void aMastersReportAgreesWithTheDevicesCounts() throws Exception {
        try (DeviceProcess device = device()) {
            LatencyLog latency = new LatencyLog("modbus");
            MasterSettings settings = new MasterSettings("scada", Protocol.MODBUS,
                    new InetSocketAddress("127.0.0.1", device.port(Protocol.MODBUS)), 3, 20, 2, Duration.ofSeconds(2));
            try (MasterProcess master = MasterProcess.start(settings, 1, 1, 10, List.of(), RunOptions.partJvm(), latency,
                    dir.resolve("master.log"))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (master.requests() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(master.lastSuccessNanos()).isPositive();
                master.requestProbe(6);
                Thread.sleep(500);
                MasterReport report = master.stop();

                assertThat(report.name()).isEqualTo("scada");
                assertThat(report.errors()).isZero();
                assertThat(report.writesAcknowledged()).isPositive();
                assertThat(report.writesUnknown()).isZero();
                assertThat(device.commands(3)).isEqualTo(report.writesAcknowledged());
                assertThat(report.probesCarriedOut()).as("nothing stands between the master and the device").isEqualTo(1);
                assertThat(device.commands(6)).isEqualTo(1);
                assertThat(latency.count()).as("every round trip streamed to the runner").isEqualTo(report.requests());
                assertThat(master.stop()).isSameAs(report);
            }
        }
    }

    @Test
    void aPartThatCannotStartFailsWithItsLog() throws Exception {
        Path log = dir.resolve("bad.log");
        assertThatThrownBy(() -> DeviceProcess.start("bad", List.of(), RunOptions.partJvm(), "127.0.0.1",
                LocalPlant.freePort(), 300, LocalPlant.freePort(), 10, LocalPlant.freePort(), log))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("device bad exited with code 3")
                .hasMessageContaining(log.toString());
        assertThat(Files.readString(log)).contains("unit id 300 is not 0..255");
    }

    @Test
    void anUnknownCommandIsAnsweredWithAnError() throws Exception {
        try (DeviceProcess device = device()) {
            PartProcess part = device.part();
            assertThatThrownBy(() -> part.request(RunnerPipe.command("explode"), Duration.ofSeconds(10)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("unknown command explode");
            assertThat(device.commands(0)).as("and the device still answers").isZero();
        }
    }
}
