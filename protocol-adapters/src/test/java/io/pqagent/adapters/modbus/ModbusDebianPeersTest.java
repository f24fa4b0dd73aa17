package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.io.ModbusTransaction;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleRequest;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleResponse;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.pqagent.agent.testing.Loopback;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent peers from Debian through two real agents: {@code mbpoll} (libmodbus) as the master,
 * {@code pymodbus} as the PLC. Every function code mbpoll can send round-trips, checked on the wire
 * ({@code mbpoll -v} prints each request) and by reading the values back; a write the policy denies is
 * an "illegal data address" to mbpoll and leaves pymodbus's register unchanged. FC 22 and 23, which
 * mbpoll cannot send, go from a j2mod master to pymodbus.
 */
class ModbusDebianPeersTest {
    private static final String POLICY = """
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
    private static final Pattern VALUE = Pattern.compile("^\\[(\\d+)\\]:\\s+(-?\\d+)$");

    @TempDir
    Path dir;

    private Process pymodbus;
    private ModbusAgents agents;

    @BeforeEach
    void pymodbusAndAgents() throws Exception {
        DebianTools.assertInstalled();
        int plcPort = Loopback.freePortBelowEphemeralRange();
        Path script = dir.resolve("pymodbus_server.py");
        Files.copy(Path.of(ModbusDebianPeersTest.class.getResource("pymodbus_server.py").toURI()), script);
        pymodbus = new ProcessBuilder(DebianTools.PYTHON.toString(), script.toString(), Integer.toString(plcPort))
                .redirectErrorStream(true).redirectOutput(dir.resolve("pymodbus.log").toFile()).start();
        awaitListening(plcPort);
        agents = ModbusAgents.start(dir.resolve("agents"), plcPort, POLICY);
    }

    @AfterEach
    void stop() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (pymodbus != null) {
            pymodbus.destroy();
            if (!pymodbus.waitFor(10, TimeUnit.SECONDS)) {
                pymodbus.destroyForcibly();
            }
        }
    }

    @Test
    void mbpollThroughTwoAgentsToPymodbus() throws Exception {
        try {
            mbpollRoundTrips();
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + agents.logs() + "\n---- pymodbus.log\n"
                    + Files.readString(dir.resolve("pymodbus.log")), e);
        }
    }

    private void mbpollRoundTrips() throws Exception {
        // table: 0 coils, 1 discrete inputs, 3 input registers, 4 holding registers (mbpoll -t)
        assertThat(read(1, "0", 0, 5)).containsExactly(1, 0, 0, 1, 0);
        assertThat(read(2, "1", 0, 5)).containsExactly(1, 0, 1, 0, 1);
        assertThat(read(3, "4", 0, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(read(4, "3", 95, 5)).containsExactly(1095, 1096, 1097, 1098, 1099);

        write(5, "0", 7, 1);
        assertThat(read(1, "0", 7, 1)).containsExactly(1);
        write(15, "0", 20, 1, 0, 1);
        assertThat(read(1, "0", 20, 3)).containsExactly(1, 0, 1);
        write(6, "4", 5, 777);
        assertThat(read(3, "4", 5, 1)).containsExactly(777);
        write(16, "4", 10, 11, 12);
        assertThat(read(3, "4", 10, 2)).containsExactly(11, 12);

        // denied by the policy: holding registers are writable only at 0-49
        DebianTools.Result denied = mbpoll("-t", "4", "-r", "60", "--", "5");
        assertThat(denied.exit()).as(denied.output()).isNotZero();
        assertThat(denied.output()).containsIgnoringCase("illegal data address");
        assertThat(read(3, "4", 60, 1)).as("pymodbus's register").containsExactly(60);
        JsonNode denial = agents.audit(ModbusAudit.DENIED).get(0);
        assertThat(denial.path("address").asText()).isEqualTo("write holding-registers 60");
        assertThat(denial.path("peer").asText()).isEqualTo("alpha");
    }

    @Test
    void maskWriteAndReadWriteMultipleFromJ2modReachPymodbus() throws Exception {
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", agents.servicePort, 10_000, false);
        master.connect();
        try {
            // register 45 holds 45 = 0x002D: (0x002D AND 0x00F0) OR (0x0F00 AND NOT 0x00F0) = 0x0F20
            assertThat(master.maskWriteRegister(1, 45, 0x00F0, 0x0F00)).isTrue();
            assertThat(master.readMultipleRegisters(1, 45, 1)[0].getValue()).isEqualTo(0x0F20);
            ReadWriteMultipleRequest rw = new ReadWriteMultipleRequest(1, 30, 4, 31, 2);
            rw.setRegisters(new Register[] {new SimpleRegister(501), new SimpleRegister(502)});
            ModbusTransaction t = master.getTransport().createTransaction();
            t.setRequest(rw);
            t.execute();
            ReadWriteMultipleResponse r = (ReadWriteMultipleResponse) t.getResponse();
            assertThat(List.of(r.getRegisterValue(0), r.getRegisterValue(1), r.getRegisterValue(2), r.getRegisterValue(3)))
                    .containsExactly(30, 501, 502, 33);
        } finally {
            master.disconnect();
        }
    }

    /** Reads {@code count} values of a table with mbpoll, checking that it sent function {@code fc}. */
    private List<Integer> read(int fc, String table, int start, int count) throws Exception {
        DebianTools.Result r = mbpoll("-t", table, "-r", Integer.toString(start), "-c", Integer.toString(count));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.requestFunctionCodes()).as(r.output()).containsExactly(fc);
        List<Integer> values = new ArrayList<>();
        for (String line : r.output().lines().toList()) {
            Matcher m = VALUE.matcher(line.strip());
            if (m.matches()) {
                values.add(Integer.parseInt(m.group(2)));
            }
        }
        return values;
    }

    private void write(int fc, String table, int start, int... values) throws Exception {
        List<String> args = new ArrayList<>(List.of("-t", table, "-r", Integer.toString(start), "--"));
        for (int v : values) {
            args.add(Integer.toString(v));
        }
        DebianTools.Result r = mbpoll(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.requestFunctionCodes()).as(r.output()).containsExactly(fc);
        assertThat(r.output()).contains("Written " + values.length + " references");
    }

    /** mbpoll once (-1), verbose, unit 1, PDU addressing (-0), through alpha's service port. */
    private DebianTools.Result mbpoll(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DebianTools.MBPOLL.toString(), "-m", "tcp", "-a", "1", "-0", "-1", "-v",
                "-o", "10", "-p", Integer.toString(agents.servicePort)));
        int dashes = List.of(args).indexOf("--");
        List<String> options = dashes < 0 ? List.of(args) : List.of(args).subList(0, dashes);
        cmd.addAll(options);
        cmd.add("127.0.0.1");
        if (dashes >= 0) {
            cmd.addAll(List.of(args).subList(dashes, args.length));
        }
        return DebianTools.run(cmd, 60);
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!pymodbus.isAlive()) {
                throw new AssertionError("pymodbus ended: " + Files.readString(dir.resolve("pymodbus.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("pymodbus not listening on " + port + " after 30 s: "
                + Files.readString(dir.resolve("pymodbus.log")));
    }
}
