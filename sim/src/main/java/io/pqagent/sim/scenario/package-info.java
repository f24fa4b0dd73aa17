/**
 * Whole-plant scenarios: the YAML file read into {@link Scenario}, the {@link ScenarioRunner} that starts a
 * directory, agents as real processes, stages and masters, injects the timed events (faults, ratchets,
 * probes), prints a live status line, and ends with a {@link Summary} whose broken invariants make the exit
 * code non-zero. Format and meaning: docs/sim.md.
 */
package io.pqagent.sim.scenario;
