/**
 * Masters that poll and command a stage through one of its faces (usually through a forwarded service of
 * an agent): each runs at a set rate on its own thread, measures every request's round trip, and checks
 * that what it reads agrees with the writes it saw acknowledged ({@link SlotLedger}).
 */
package io.pqagent.sim.master;
