package io.pqagent.sim.plant;

/**
 * How many command slots a stage has. Every master that commands the stage owns one slot; each face maps
 * the slot to its own points (Modbus coil and holding register n, DNP3 binary output n and counter n, OPC
 * UA node {@code SlotN}), and the stage counts each command applied through a slot, so a lost or a
 * duplicated write shows as a count that does not match what the master saw acknowledged.
 */
public final class CommandSlots {
    public static final int COUNT = 8;

    private CommandSlots() {
    }

    public static void check(int slot) {
        if (slot < 0 || slot >= COUNT) {
            throw new IllegalArgumentException("command slot " + slot + " is not 0.." + (COUNT - 1));
        }
    }
}
