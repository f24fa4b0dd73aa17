/**
 * The scenario's parts as processes of their own. A part (a stage's device, a master) runs {@code qsmp-sim
 * device --control} or {@code qsmp-sim master}; the runner talks to it over its standard input and output,
 * one JSON object per line ({@link io.pqagent.sim.process.RunnerPipe} on the part's side,
 * {@link io.pqagent.sim.process.PartProcess} on the runner's). A part ends when its standard input ends, so a
 * runner that dies takes its parts with it.
 */
package io.pqagent.sim.process;
