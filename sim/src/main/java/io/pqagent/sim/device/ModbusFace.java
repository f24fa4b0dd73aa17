package io.pqagent.sim.device;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.pqagent.sim.plant.WaterStage;
import java.net.InetAddress;

/** The stage as a Modbus/TCP slave (j2mod) on one port and unit id ({@link ModbusMap}). */
public final class ModbusFace implements AutoCloseable {
    private final ModbusSlave slave;
    private final StageProcessImage image;
    private final int port;

    private ModbusFace(ModbusSlave slave, StageProcessImage image, int port) {
        this.slave = slave;
        this.image = image;
        this.port = port;
    }

    /** Listens on {@code bind}:{@code port} (a fixed port: j2mod keeps its slaves by port) for unit {@code unitId}. */
    public static ModbusFace start(WaterStage stage, InetAddress bind, int port, int unitId) throws ModbusException {
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit id " + unitId + " is not 0..255");
        }
        StageProcessImage image = new StageProcessImage(stage);
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(bind, port, 8, false);
        slave.addProcessImage(unitId, image);
        slave.open();
        return new ModbusFace(slave, image, port);
    }

    public int port() {
        return port;
    }

    /** Table accesses the slave served (reads and writes that reached the map). */
    public long accesses() {
        return image.accesses();
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
