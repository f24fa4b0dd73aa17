/**
 * The process model: one water-treatment stage (a tank filled through an inlet valve and emptied by a
 * pump), stepped in simulated time, commanded through numbered command slots so that every write can be
 * counted exactly once. No I/O here.
 */
package io.pqagent.sim.plant;
