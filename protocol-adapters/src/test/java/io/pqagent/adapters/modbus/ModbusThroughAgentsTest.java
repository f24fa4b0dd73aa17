package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.io.ModbusTransaction;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleRequest;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleResponse;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.pqagent.agent.testing.Loopback;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * j2mod master → agent alpha → QSMP tunnel → agent bravo (Modbus filter) → j2mod slave, the agents as
 * real processes: every supported function code round-trips; a write the policy denies comes back as
 * exception 02, the slave's register is unchanged, and bravo's audit log and metrics record it; a
 * malformed frame closes only its own stream.
 */
class ModbusThroughAgentsTest {
    /** Unit 1: everything readable at 0-99, coils writable at 0-99, holding registers only at 0-49. */
    private static final String POLICY = """
            default: deny
            unit-ids: [1]
            function-codes: [1, 2, 3, 4, 5, 6, 15, 16, 22, 23]
            read:
              coils: [0-99]
              discrete-inputs: [0-99]
              input-registers: [0-99]
              holding-registers: [0-99]
            write:
              coils: [0-99]
              holding-registers: [0-49]
            """;

    @TempDir
    Path dir;

    private final SimpleProcessImage image = new SimpleProcessImage(1);
    private ModbusSlave slave;
    private ModbusAgents agents;
    private ModbusTCPMaster master;

    @BeforeEach
    void plcAndAgents() throws Exception {
        for (int i = 0; i < 100; i++) {
            image.addDigitalOut(new SimpleDigitalOut(i % 3 == 0));
            image.addDigitalIn(new SimpleDigitalIn(i % 2 == 0));
            image.addInputRegister(new SimpleInputRegister(1000 + i));
            image.addRegister(new SimpleRegister(i));
        }
        int plcPort = Loopback.freePortBelowEphemeralRange();
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), plcPort, 4, false);
        slave.addProcessImage(1, image);
        slave.open();
        agents = ModbusAgents.start(dir, plcPort, POLICY);
        master = new ModbusTCPMaster("127.0.0.1", agents.servicePort, 10_000, false);
        master.connect();
    }

    @AfterEach
    void stop() throws Exception {
        if (master != null) {
            master.disconnect();
        }
        if (agents != null) {
            agents.close();
        }
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    @Test
    void everySupportedFunctionCodeRoundTrips() throws Exception {
        try {
            roundTrips();
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + agents.logs(), e);
        }
    }

    private void roundTrips() throws Exception {
        // FC 1, 2: bits
        BitVector coils = master.readCoils(1, 0, 10);
        BitVector inputs = master.readInputDiscretes(1, 0, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(coils.getBit(i)).as("coil %d", i).isEqualTo(i % 3 == 0);
            assertThat(inputs.getBit(i)).as("discrete input %d", i).isEqualTo(i % 2 == 0);
        }
        // FC 3, 4: registers
        Register[] holding = master.readMultipleRegisters(1, 90, 10);
        InputRegister[] input = master.readInputRegisters(1, 0, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(holding[i].getValue()).isEqualTo(90 + i);
            assertThat(input[i].getValue()).isEqualTo(1000 + i);
        }
        // FC 5, 15: coils written
        assertThat(master.writeCoil(1, 7, true)).isTrue();
        assertThat(image.getDigitalOut(7).isSet()).isTrue();
        BitVector pattern = new BitVector(10);
        pattern.setBit(1, true);
        pattern.setBit(8, true);
        master.writeMultipleCoils(1, 30, pattern);
        for (int i = 0; i < 10; i++) {
            assertThat(image.getDigitalOut(30 + i).isSet()).as("coil %d", 30 + i).isEqualTo(i == 1 || i == 8);
        }
        // FC 6, 16: registers written
        assertThat(master.writeSingleRegister(1, 20, new SimpleRegister(4242))).isEqualTo(4242);
        assertThat(image.getRegister(20).getValue()).isEqualTo(4242);
        master.writeMultipleRegisters(1, 40, new Register[] {new SimpleRegister(7), new SimpleRegister(8)});
        assertThat(image.getRegister(40).getValue()).isEqualTo(7);
        assertThat(image.getRegister(41).getValue()).isEqualTo(8);
        // FC 22: (current AND and) OR (or AND NOT and)
        image.getRegister(45).setValue(0x1234);
        assertThat(master.maskWriteRegister(1, 45, 0xFF00, 0x0056)).isTrue();
        assertThat(image.getRegister(45).getValue()).isEqualTo(0x1256);
        // FC 23: write 10..12, then read 10..14
        ReadWriteMultipleRequest rw = new ReadWriteMultipleRequest(1, 10, 5, 10, 3);
        rw.setRegisters(new Register[] {new SimpleRegister(100), new SimpleRegister(101), new SimpleRegister(102)});
        ModbusTransaction t = master.getTransport().createTransaction();
        t.setRequest(rw);
        t.execute();
        ReadWriteMultipleResponse read = (ReadWriteMultipleResponse) t.getResponse();
        assertThat(List.of(read.getRegisterValue(0), read.getRegisterValue(1), read.getRegisterValue(2),
                read.getRegisterValue(3), read.getRegisterValue(4))).containsExactly(100, 101, 102, 13, 14);
        assertThat(agents.audit(ModbusAudit.DENIED)).isEmpty();
        assertThat(agents.audit(ModbusAudit.MALFORMED)).isEmpty();
    }

    @Test
    void aDeniedWriteIsExceptionTwoLeavesTheRegisterAloneAndIsAuditedAndCounted() throws Exception {
        assertThatThrownBy(() -> master.writeSingleRegister(1, 50, new SimpleRegister(1234)))
                .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
        assertThat(image.getRegister(50).getValue()).as("the slave's register").isEqualTo(50);

        JsonNode denial = eventually(() -> agents.audit(ModbusAudit.DENIED)).get(0);
        assertThat(denial.path("peer").asText()).isEqualTo("alpha");
        assertThat(denial.path("service").asText()).isEqualTo(ModbusAgents.SERVICE);
        assertThat(denial.path("unit").asInt()).isEqualTo(1);
        assertThat(denial.path("fc").asInt()).isEqualTo(6);
        assertThat(denial.path("address").asText()).isEqualTo("write holding-registers 50");
        assertThat(denial.path("exception").asInt()).isEqualTo(2);
        assertThat(eventually(() -> agents.metrics().lines().filter(l -> l.startsWith("qsmp_filter_events_total{"))
                .toList())).contains("qsmp_filter_events_total{event=\"modbus_denied\",peer=\"alpha\",service=\"plc\"} 1.0");

        // a unit the policy does not route to: 0x0A, and the stream stays usable
        assertThatThrownBy(() -> master.readMultipleRegisters(2, 0, 1))
                .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(0x0A));
        assertThat(master.readMultipleRegisters(1, 50, 1)[0].getValue()).isEqualTo(50);
    }

    @Test
    void aMalformedFrameClosesOnlyItsOwnStream() throws Exception {
        try (Socket bad = new Socket("127.0.0.1", agents.servicePort)) {
            bad.setSoTimeout(20_000);
            // protocol id 1: not Modbus
            bad.getOutputStream().write(Adu.withLength(1, 1, 6, 1, 3, 0, 0, 0, 1));
            InputStream in = bad.getInputStream();
            assertThat(in.read()).as("the stream is closed, nothing answered").isEqualTo(-1);
        } catch (java.net.SocketException reset) {
            // a reset is as good as a close here
        }
        JsonNode malformed = eventually(() -> agents.audit(ModbusAudit.MALFORMED)).get(0);
        assertThat(malformed.path("reason").asText()).isEqualTo("MBAP protocol id 1 (Modbus is 0)");
        assertThat(malformed.path("direction").asText()).isEqualTo("request");
        // the master's stream, opened before, and the tunnel are untouched
        assertThat(master.readMultipleRegisters(1, 0, 2)[1].getValue()).isEqualTo(1);
        assertThat(agents.fleet.peerStatus("alpha", "bravo").path("tunnels_opened").asLong()).isEqualTo(1);
    }

    /** Polls (up to 10 s) until {@code read} gives a non-empty list: the audit line and the scrape trail the reply. */
    private static <T> List<T> eventually(Callable<List<T>> read) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<T> last = read.call();
        while (last.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = read.call();
        }
        assertThat(last).as("nothing after 10 s").isNotEmpty();
        return last;
    }
}
