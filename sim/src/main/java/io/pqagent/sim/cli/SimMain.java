package io.pqagent.sim.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.pqagent.qsmp.transport.LeakDetection;
import io.pqagent.sim.device.ModbusMap;
import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.device.OpcUaMap;
import io.pqagent.sim.device.StageDevice;
import io.pqagent.sim.master.MasterSettings;
import io.pqagent.sim.plant.StageTicker;
import io.pqagent.sim.process.DevicePart;
import io.pqagent.sim.process.MasterPart;
import io.pqagent.sim.process.RunnerPipe;
import io.pqagent.sim.plant.WaterStage;
import io.pqagent.sim.scenario.DurationText;
import io.pqagent.sim.scenario.ScenarioReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp-sim}. Exit codes: 0 the run passed, 1 an invariant broke, 2 invalid usage or scenario, 3 the
 * plant could not be started.
 */
@Command(name = "qsmp-sim", mixinStandardHelpOptions = true, version = "qsmp-sim 0.1.0",
        description = "Simulated field devices and whole plants of QSMP agents with faults.",
        subcommands = {SimMain.Demo.class, SimMain.Run.class, SimMain.Device.class, SimMain.Master.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:an invariant broke", "2:invalid usage or scenario", "3:the plant did not start"})
public final class SimMain implements Runnable {
    public static void main(String[] args) {
        LeakDetection.offUnlessAsked();
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
        throw new CommandLine.ParameterException(new CommandLine(this), "choose a command (demo, run, device, master)");
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the default scenario: a control centre and two substations, three agents, a directory, "
                    + "simulated stages and masters, a minute of traffic with faults, then the summary.")
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ScenarioFlags flags;

        @Override
        public Integer call() throws Exception {
            return flags.run(() -> ScenarioReader.builtIn("default"), System.out, spec.commandLine().getErr());
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file (docs/sim.md); "
            + "'default' and 'faults' name the built-in ones.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SCENARIO", description = "A scenario YAML file, or default / faults.")
        String file;

        @Mixin
        ScenarioFlags flags;

        @Override
        public Integer call() throws Exception {
            return flags.run(() -> file.equals("default") || file.equals("faults") ? ScenarioReader.builtIn(file)
                    : ScenarioReader.read(Path.of(file)), System.out, spec.commandLine().getErr());
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

        @Option(names = "--control", description = "Take commands from a scenario runner: JSON lines on standard "
                + "input and output; stop when standard input ends.")
        boolean control;

        @Override
        public Integer call() throws Exception {
            WaterStage stage = WaterStage.standard();
            try (StageTicker ticker = new StageTicker(100);
                    StageDevice device = StageDevice.start(stage, host, modbusPort, unit, dnp3Port, dnp3Address, opcuaPort)) {
                ticker.add(stage);
                if (control) {
                    new DevicePart(device, new RunnerPipe(System.out, System.in)).serve();
                    return 0;
                }
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

    @Command(name = "master", mixinStandardHelpOptions = true,
            description = "Run one master against a stage's face (directly or through an agent's service port): poll, "
                    + "command through its slot, check the counts; JSON status lines on standard output, commands "
                    + "(probe, stop) as JSON lines on standard input; stops when standard input ends.")
    static final class Master implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", defaultValue = "master", description = "Its name in reports (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--protocol", required = true, description = "modbus, dnp3 or opcua.")
        String protocol;

        @Option(names = "--target", required = true, paramLabel = "HOST:PORT", description = "Where the face is served.")
        String target;

        @Option(names = "--slot", defaultValue = "0", description = "Its command slot, 0..7 (default ${DEFAULT-VALUE}).")
        int slot;

        @Option(names = "--rate", defaultValue = "5", description = "Poll cycles per second (default ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--write-every", defaultValue = "5",
                description = "A command every this many cycles, 0 never (default ${DEFAULT-VALUE}).")
        int writeEvery;

        @Option(names = "--timeout", defaultValue = "2s", description = "Connect and answer timeout (default ${DEFAULT-VALUE}).")
        String timeout;

        @Option(names = "--unit", defaultValue = "1", description = "Modbus unit id (default ${DEFAULT-VALUE}).")
        int unit;

        @Option(names = "--dnp3-master", defaultValue = "1", description = "Its DNP3 address (default ${DEFAULT-VALUE}).")
        int dnp3Master;

        @Option(names = "--dnp3-outstation", defaultValue = "10",
                description = "The outstation's DNP3 address (default ${DEFAULT-VALUE}).")
        int dnp3Outstation;

        @Option(names = "--status-every", defaultValue = "1s",
                description = "How often it prints its status (default ${DEFAULT-VALUE}).")
        String statusEvery;

        @Override
        public Integer call() throws Exception {
            MasterSettings settings;
            Duration every;
            try {
                settings = new MasterSettings(name, Protocol.parse(protocol), hostPort(target), slot, rate, writeEvery,
                        DurationText.parse(timeout));
                every = DurationText.parse(statusEvery);
                if (every.isZero()) {
                    throw new IllegalArgumentException("--status-every must be positive");
                }
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("qsmp-sim: " + e.getMessage());
                return 2;
            }
            new MasterPart(settings, unit, dnp3Master, dnp3Outstation, every, new RunnerPipe(System.out, System.in)).serve();
            return 0;
        }

        private static InetSocketAddress hostPort(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--target '" + text + "' is not HOST:PORT");
            }
            int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--target '" + text + "': the port is not 1..65535");
            }
            return new InetSocketAddress(text.substring(0, colon), port);
        }
    }
}
