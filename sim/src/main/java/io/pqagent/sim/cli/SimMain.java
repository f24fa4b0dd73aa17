package io.pqagent.sim.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.pqagent.sim.device.ModbusMap;
import io.pqagent.sim.device.OpcUaMap;
import io.pqagent.sim.device.StageDevice;
import io.pqagent.sim.plant.StageTicker;
import io.pqagent.sim.plant.WaterStage;
import io.pqagent.sim.scenario.DurationText;
import io.pqagent.sim.scenario.RunOptions;
import io.pqagent.sim.scenario.Scenario;
import io.pqagent.sim.scenario.ScenarioException;
import io.pqagent.sim.scenario.ScenarioReader;
import io.pqagent.sim.scenario.ScenarioRunner;
import io.pqagent.sim.scenario.Summary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp-sim}. Exit codes: 0 the run passed, 1 an invariant broke, 2 invalid usage or scenario, 3 the
 * plant could not be started.
 */
@Command(name = "qsmp-sim", mixinStandardHelpOptions = true, version = "qsmp-sim 0.1.0",
        description = "Simulated field devices and whole plants of QSMP agents with faults.",
        subcommands = {SimMain.Demo.class, SimMain.Run.class, SimMain.Device.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:an invariant broke", "2:invalid usage or scenario", "3:the plant did not start"})
public final class SimMain implements Runnable {
    public static void main(String[] args) {
        io.pqagent.agent.plant.ChildProcesses.stopOnExit();
        quietLibraries();
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new SimMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("qsmp-sim: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, ignored) -> {
            c.getErr().println("qsmp-sim: " + e.getMessage());
            return 3;
        });
        return cli.execute(args);
    }

    /** Milo, j2mod and the in-process directory log at INFO; the simulator's console is for its own lines. */
    static void quietLibraries() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
            // Milo logs every refused discovery attempt of a client with a stack trace, even while an agent is down
            ((Logger) LoggerFactory.getLogger("org.eclipse.milo")).setLevel(Level.OFF);
            ((Logger) LoggerFactory.getLogger("com.ghgande.j2mod")).setLevel(Level.ERROR);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "choose a command (demo, run, device)");
    }

    static int runScenario(Scenario scenario, Optional<Duration> length, Path keep, PrintStream out) throws Exception {
        Scenario s = length.map(scenario::compressed).orElse(scenario);
        out.println("qsmp-sim: scenario " + s.name() + ", " + DurationText.of(s.duration()) + " of traffic, "
                + s.events().size() + " events");
        Summary summary = new ScenarioRunner(s, new RunOptions(out, Optional.ofNullable(keep),
                RunOptions.defaultAgentJvm(), System.console() != null)).run();
        return summary.passed() ? 0 : 1;
    }

    static Optional<Duration> length(String text) {
        return text == null ? Optional.empty() : Optional.of(DurationText.parse(text));
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the default scenario: a control centre and two substations, three agents, a directory, "
                    + "simulated stages and masters, a minute of traffic with faults, then the summary.")
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--duration", paramLabel = "TIME", description = "Traffic time, events scaled to it (e.g. 20s).")
        String duration;

        @Option(names = "--keep", paramLabel = "DIR", description = "Keep the agents' configs and logs in DIR.")
        Path keep;

        @Override
        public Integer call() throws Exception {
            try {
                return runScenario(ScenarioReader.builtIn("default"), length(duration), keep, System.out);
            } catch (ScenarioException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("qsmp-sim: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file (docs/sim.md); "
            + "'default' and 'faults' name the built-in ones.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SCENARIO", description = "A scenario YAML file, or default / faults.")
        String file;

        @Option(names = "--duration", paramLabel = "TIME", description = "Traffic time, events scaled to it.")
        String duration;

        @Option(names = "--keep", paramLabel = "DIR", description = "Keep the agents' configs and logs in DIR.")
        Path keep;

        @Override
        public Integer call() throws Exception {
            try {
                Scenario s = file.equals("default") || file.equals("faults") ? ScenarioReader.builtIn(file)
                        : ScenarioReader.read(Path.of(file));
                return runScenario(s, length(duration), keep, System.out);
            } catch (ScenarioException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("qsmp-sim: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "device", mixinStandardHelpOptions = true,
            description = "Serve one simulated stage on its three faces until stopped (for mbpoll, a DNP3 master, "
                    + "an OPC UA client).")
    static final class Device implements Callable<Integer> {
        @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}).")
        String host = "127.0.0.1";

        @Option(names = "--modbus-port", description = "Modbus/TCP port (default ${DEFAULT-VALUE}).")
        int modbusPort = 1502;

        @Option(names = "--unit", description = "Modbus unit id (default ${DEFAULT-VALUE}).")
        int unit = 1;

        @Option(names = "--dnp3-port", description = "DNP3 port (default ${DEFAULT-VALUE}).")
        int dnp3Port = 20000;

        @Option(names = "--dnp3-address", description = "Outstation link address (default ${DEFAULT-VALUE}).")
        int dnp3Address = 10;

        @Option(names = "--opcua-port", description = "OPC UA port (default ${DEFAULT-VALUE}).")
        int opcuaPort = 4840;

        @Override
        public Integer call() throws Exception {
            WaterStage stage = WaterStage.standard();
            try (StageTicker ticker = new StageTicker(100);
                    StageDevice device = StageDevice.start(stage, host, modbusPort, unit, dnp3Port, dnp3Address, opcuaPort)) {
                ticker.add(stage);
                System.out.printf("stage serving: modbus %s:%d unit %d (input registers 0..%d), dnp3 %s:%d outstation %d, "
                        + "opcua opc.tcp://%s:%d%s (namespace %s)%n", host, modbusPort, unit, ModbusMap.INPUT_REGISTERS - 1,
                        host, dnp3Port, dnp3Address, host, opcuaPort, OpcUaMap.PATH, OpcUaMap.NAMESPACE_URI);
                System.out.printf("try: mbpoll -m tcp -a %d -p %d -t 3 -r 1 -c %d -1 %s%n", unit, modbusPort,
                        ModbusMap.INPUT_REGISTERS, host);
                System.out.flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            return 0;
        }
    }
}
