/** {@code bin/qsmp-sim}: the demo, scenario runs, and a single simulated device for manual use. */
package io.pqagent.sim.cli;
