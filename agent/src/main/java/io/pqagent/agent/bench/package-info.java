/**
 * {@code qsmp-agent bench}: what two agents add to a round trip and what one tunnel carries, measured on
 * this machine against a direct connection and, where installed, a stunnel4 and a socat relay pair.
 * The agents are real {@code qsmp-agent run} processes with a directory replica in the bench's JVM.
 */
package io.pqagent.agent.bench;
