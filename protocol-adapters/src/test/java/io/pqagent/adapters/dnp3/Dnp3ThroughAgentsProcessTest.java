package io.pqagent.adapters.dnp3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pqagent.adapters.dnp3.app.AnalogPoint;
import io.pqagent.adapters.dnp3.app.BinaryPoint;
import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import io.pqagent.adapters.dnp3.master.Dnp3Master;
import io.pqagent.adapters.dnp3.master.MasterConfig;
import io.pqagent.adapters.dnp3.master.PollResult;
import io.pqagent.adapters.dnp3.master.ReportedEvent;
import io.pqagent.adapters.dnp3.master.ResponseTimeoutException;
import io.pqagent.adapters.dnp3.outstation.Dnp3OutstationServer;
import io.pqagent.adapters.dnp3.outstation.MemoryDataModel;
import io.pqagent.adapters.dnp3.outstation.Outstation;
import io.pqagent.adapters.dnp3.outstation.OutstationConfig;
import io.pqagent.agent.testing.AgentFleet;
import io.pqagent.agent.testing.LoopbackCapture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof with real processes: our master → agent "alpha" (local service) → QSMP tunnel → agent
 * "bravo" (exposes the outstation, runs the dnp3 filter with its policy) → our outstation. Integrity poll,
 * event poll and select-before-operate go through; a DIRECT_OPERATE the policy does not allow never reaches
 * the outstation and is in bravo's audit log; a capture of both unencrypted legs decodes in tshark as DNP3
 * without malformed packets or errors.
 */
class Dnp3ThroughAgentsProcessTest {
    private static final String POLICY = """
                policy:
                  allow: [READ]
                  allow-objects:
                    - functions: [SELECT, OPERATE]
                      group: 12
                      indexes: [0-1]
                  masters: [1]
                  outstations: [10]
            """;

    @TempDir
    Path dir;

    @Test
    void pollsAndSelectBeforeOperatePassADeniedDirectOperateNeverReachesTheOutstation() throws Exception {
        MemoryDataModel model = new MemoryDataModel(4, 2, 1, 2);
        model.set(() -> {
            model.binaryInputs[2] = true;
            model.analogInputs[1] = 230.5;
            model.counters[0] = 42;
        });
        int servicePort = AgentFleet.freePort();
        int outstationPort = AgentFleet.freePort();
        try (AgentFleet agents = new AgentFleet(dir);
                Dnp3OutstationServer outstation = Dnp3OutstationServer.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), outstationPort),
                        new Outstation(OutstationConfig.defaults(10), model, Clock.systemUTC()));
                LoopbackCapture capture = LoopbackCapture.start(dir, "dnp3", servicePort, outstationPort)) {
            agents.enrol("alpha");
            agents.enrol("bravo");
            int bravoPort = AgentFleet.freePort();
            agents.config("alpha", AgentFleet.freePort(), "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort + "\n"
                    + "services:\n  - name: plc-dnp3\n    peer: bravo\n    protocol: dnp3\n"
                    + "    local: 127.0.0.1:" + servicePort + "\n    target: 127.0.0.1:" + outstationPort + "\n");
            agents.config("bravo", bravoPort, "peers:\n  - name: alpha\n"
                    + "expose:\n  - name: plc-dnp3\n    peer: alpha\n    protocol: dnp3\n"
                    + "    target: 127.0.0.1:" + outstationPort + "\n" + POLICY);
            agents.start("bravo", "bravo");
            agents.start("alpha", "alpha");
            agents.awaitPeer("alpha", "bravo", true);

            try (Dnp3Master master = Dnp3Master.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), servicePort),
                    MasterConfig.defaults(1, 10).withResponseTimeout(Duration.ofSeconds(5)))) {
                PollResult integrity = master.integrityPoll();
                assertThat(integrity.binaryInputs()).hasSize(4).containsEntry(2, BinaryPoint.online(true));
                assertThat(integrity.analogInputs()).containsEntry(1, AnalogPoint.online(230.5));
                assertThat(integrity.counters().get(0).value()).isEqualTo(42);

                model.set(() -> {
                    model.binaryInputs[0] = true;
                    model.analogInputs[0] = 17.0;
                });
                PollResult events = master.eventPoll();
                assertThat(events.events()).extracting(ReportedEvent::variation, ReportedEvent::index).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ObjectVariation.G2V2, 0),
                        org.assertj.core.groups.Tuple.tuple(ObjectVariation.G32V7, 0));

                assertThat(master.selectAndOperate(1, Crob.latch(true))).isEqualTo(CommandStatus.SUCCESS);
                assertThat(model.binaryOutputs[1]).isTrue();
                assertThat(outstation.outstation().stats().operates()).isEqualTo(1);

                long requestsBefore = outstation.outstation().stats().requests();
                assertThatThrownBy(() -> master.directOperate(0, Crob.latch(true)))
                        .isInstanceOf(ResponseTimeoutException.class);
                assertThat(outstation.outstation().stats().requests()).as("the request never arrived")
                        .isEqualTo(requestsBefore);
                assertThat(outstation.outstation().stats().operates()).isEqualTo(1);
                assertThat(model.binaryOutputs[0]).isFalse();
                assertThat(model.operations).containsExactly("1=true");

                assertThat(master.integrityPoll().binaryOutputs().get(1).state()).as("the stream goes on").isTrue();
            }

            JsonNode denial = awaitAudit(dir.resolve("bravo").resolve("audit.jsonl"), "dnp3_request_denied");
            assertThat(denial.path("peer").asText()).isEqualTo("alpha");
            assertThat(denial.path("service").asText()).isEqualTo("plc-dnp3");
            assertThat(denial.path("function").asText()).isEqualTo("DIRECT_OPERATE");
            assertThat(denial.path("group").asInt()).isEqualTo(12);
            assertThat(denial.path("index").asText()).isEqualTo("0");
            assertThat(denial.path("reason").asText()).isEqualTo("function DIRECT_OPERATE is not allowed");

            Thread.sleep(500); // the last segments and FINs reach the capture
            capture.stop();
            assertCaptureDecodes(capture, servicePort, outstationPort);
        }
    }

    private static void assertCaptureDecodes(LoopbackCapture capture, int servicePort, int outstationPort) throws Exception {
        List<String> masterLeg = functions(capture.decode("dnp3.al.func && tcp.port==" + servicePort, "dnp3.al.func"));
        List<String> outstationLeg = functions(capture.decode("dnp3.al.func && tcp.port==" + outstationPort, "dnp3.al.func"));
        System.out.println("master leg functions: " + masterLeg + "\noutstation leg functions: " + outstationLeg);
        // READ 1, SELECT 3, OPERATE 4, DIRECT_OPERATE 5, CONFIRM 0, RESPONSE 129
        assertThat(masterLeg).contains("1", "3", "4", "5", "129");
        assertThat(outstationLeg).contains("1", "3", "4", "129").doesNotContain("5");
        // tshark checks every link CRC itself (status 1 is "good"; a bad data CRC is a warning, and a frame
        // with a bad header CRC is not dissected as DNP3 at all, hence the last clause)
        assertThat(capture.decode("dnp.hdr.CRC.status == 1", "frame.number")).as("frames with verified CRCs").isNotEmpty();
        assertThat(capture.decode("_ws.malformed || _ws.expert.severity >= \"error\""
                + " || (dnp3 && _ws.expert.severity >= \"warning\")"
                + " || dnp3.hdr.CRC.incorrect || dnp3.data_chunk.CRC.incorrect"
                + " || dnp.hdr.CRC.status == 0 || dnp.data_chunk.CRC.status == 0"
                + " || (tcp.len > 0 && !dnp3 && !tcp.reassembled_in)",
                "frame.number", "_ws.expert.message")).as("malformed, erroneous, bad-CRC or undecoded packets").isEmpty();
    }

    /** One TCP segment may carry several DNP3 fragments: tshark lists their function codes comma-separated. */
    private static List<String> functions(List<String> lines) {
        return lines.stream().flatMap(l -> java.util.Arrays.stream(l.split(","))).toList();
    }

    private static JsonNode awaitAudit(Path log, String event) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode n = json.readTree(line);
                    if (n.path("event").asText().equals(event)) {
                        return n;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + event + " in " + log + (Files.exists(log) ? ": " + Files.readString(log) : ""));
    }
}
