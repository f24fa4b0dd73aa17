package io.pqagent.sim.device;

import io.pqagent.sim.plant.WaterStage;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** One stage served on all three faces at once: what a scenario puts behind a site, or {@code qsmp-sim device} runs. */
public final class StageDevice implements AutoCloseable {
    private final WaterStage stage;
    private final ModbusFace modbus;
    private final Dnp3Face dnp3;
    private final OpcUaFace opcua;

    private StageDevice(WaterStage stage, ModbusFace modbus, Dnp3Face dnp3, OpcUaFace opcua) {
        this.stage = stage;
        this.modbus = modbus;
        this.dnp3 = dnp3;
        this.opcua = opcua;
    }

    /** Starts the three faces of {@code stage} on {@code host}; a face fails to start, and the others are closed. */
    public static StageDevice start(WaterStage stage, String host, int modbusPort, int modbusUnit, int dnp3Port,
            int dnp3Address, int opcuaPort) throws Exception {
        ModbusFace modbus = null;
        Dnp3Face dnp3 = null;
        try {
            modbus = ModbusFace.start(stage, InetAddress.getByName(host), modbusPort, modbusUnit);
            dnp3 = Dnp3Face.start(stage, new InetSocketAddress(host, dnp3Port), dnp3Address);
            OpcUaFace opcua = OpcUaFace.start(stage, host, opcuaPort);
            return new StageDevice(stage, modbus, dnp3, opcua);
        } catch (Exception e) {
            if (dnp3 != null) {
                dnp3.close();
            }
            if (modbus != null) {
                modbus.close();
            }
            throw e;
        }
    }

    public WaterStage stage() {
        return stage;
    }

    public ModbusFace modbus() {
        return modbus;
    }

    public Dnp3Face dnp3() {
        return dnp3;
    }

    public OpcUaFace opcua() {
        return opcua;
    }

    /** The port of {@code face}. */
    public int port(Protocol face) {
        return switch (face) {
            case MODBUS -> modbus.port();
            case DNP3 -> dnp3.port();
            case OPCUA -> opcua.port();
        };
    }

    @Override
    public void close() throws Exception {
        try {
            opcua.close();
        } finally {
            try {
                dnp3.close();
            } finally {
                modbus.close();
            }
        }
    }
}
