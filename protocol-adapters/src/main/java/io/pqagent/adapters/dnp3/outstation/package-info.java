/**
 * A minimal DNP3 outstation on this module's codec, for tests and for the simulator: static data and
 * change events of binary inputs, analog inputs and counters read from an {@link
 * io.pqagent.adapters.dnp3.outstation.OutstationDataModel}, class polls, and binary output controls (CROB)
 * with select-before-operate. {@link io.pqagent.adapters.dnp3.outstation.Outstation} is the protocol logic
 * without I/O; {@link io.pqagent.adapters.dnp3.outstation.Dnp3OutstationServer} serves it over plain TCP.
 */
package io.pqagent.adapters.dnp3.outstation;
