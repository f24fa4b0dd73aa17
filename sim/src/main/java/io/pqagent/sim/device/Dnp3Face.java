package io.pqagent.sim.device;

import io.pqagent.adapters.dnp3.outstation.Dnp3OutstationServer;
import io.pqagent.adapters.dnp3.outstation.Outstation;
import io.pqagent.adapters.dnp3.outstation.OutstationConfig;
import io.pqagent.adapters.dnp3.outstation.OutstationStats;
import io.pqagent.sim.plant.WaterStage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;

/** The stage as a DNP3 outstation over TCP ({@link Dnp3Map}), built on the protocol-adapters outstation. */
public final class Dnp3Face implements AutoCloseable {
    private final Dnp3OutstationServer server;

    private Dnp3Face(Dnp3OutstationServer server) {
        this.server = server;
    }

    /** Listens on {@code bind} as outstation {@code address}. */
    public static Dnp3Face start(WaterStage stage, InetSocketAddress bind, int address) throws IOException {
        Outstation outstation = new Outstation(OutstationConfig.defaults(address), new Dnp3Map(stage), Clock.systemUTC());
        return new Dnp3Face(Dnp3OutstationServer.start(bind, outstation));
    }

    public int port() {
        return server.port();
    }

    /** Compares the points with the previous scan and records events (called after each process step). */
    public void scan() {
        server.outstation().scan();
    }

    public OutstationStats stats() {
        return server.outstation().stats();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
