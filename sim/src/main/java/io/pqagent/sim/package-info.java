/**
 * The simulator: a water-treatment stage (plant), its Modbus/TCP, DNP3 and OPC UA faces (device), the
 * masters that poll and command it (master), and whole-plant scenarios with real agents and faults
 * (scenario, cli). See docs/sim.md.
 */
package io.pqagent.sim;
