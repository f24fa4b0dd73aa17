/**
 * The stage's three faces, each a server a real master can talk to: a Modbus/TCP slave (j2mod), a DNP3
 * outstation (the protocol-adapters outstation) and an OPC UA server (Eclipse Milo). Each maps the same
 * {@link io.pqagent.sim.plant.WaterStage}; the maps are in docs/sim.md and in {@link ModbusMap},
 * {@link Dnp3Map} and {@link OpcUaMap}.
 */
package io.pqagent.sim.device;
