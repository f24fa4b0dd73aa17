/**
 * A whole plant of agents on one machine, for benchmarks, tests and the simulator: a record authority and
 * a directory replica in the caller's JVM, and agents as real {@code qsmp-agent run} processes, each with
 * a sealed identity registered in that directory.
 */
package io.pqagent.agent.plant;
