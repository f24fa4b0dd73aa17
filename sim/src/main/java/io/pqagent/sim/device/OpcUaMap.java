package io.pqagent.sim.device;

/**
 * The stage's OPC UA nodes, all in namespace {@link #NAMESPACE_URI} with string identifiers, organised
 * under the Objects folder:
 *
 * <pre>
 * WaterStage                       folder
 *   WaterStage/Level               Double   m             read
 *   WaterStage/Inflow              Double   m³/h          read
 *   WaterStage/Outflow             Double   m³/h          read
 *   WaterStage/ValvePosition       Double   %             read
 *   WaterStage/ValveSetpoint       Double   %             read
 *   WaterStage/PumpRunning         Boolean                read
 *   WaterStage/HighAlarm           Boolean                read
 *   WaterStage/LowAlarm            Boolean                read
 *   WaterStage/PumpStarts          UInt32                 read
 *   WaterStage/SlotN               folder, N = 0..7
 *     WaterStage/SlotN/ValveCommand  Double %   read/write: write sets the valve (counted), read is slot N's last
 *     WaterStage/SlotN/PumpCommand   Boolean    read/write: write starts/stops the pump (counted), read is slot N's last
 *     WaterStage/SlotN/Commands      UInt32     read: commands applied through slot N
 * </pre>
 *
 * Every value is sampled from the stage when read, so subscriptions see the process move.
 */
public final class OpcUaMap {
    public static final String NAMESPACE_URI = "urn:pqagent:sim:water-stage";
    public static final String ROOT = "WaterStage";
    public static final String PATH = "/sim";

    private OpcUaMap() {
    }

    /** The string identifier of a process value, e.g. {@code WaterStage/Level}. */
    public static String value(String name) {
        return ROOT + "/" + name;
    }

    /** The string identifier of a slot's node, e.g. {@code WaterStage/Slot3/Commands}. */
    public static String slot(int slot, String name) {
        return ROOT + "/Slot" + slot + "/" + name;
    }
}
