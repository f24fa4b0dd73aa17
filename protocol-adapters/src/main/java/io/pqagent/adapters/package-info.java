/**
 * Stream filters that plug into the agent's {@code io.pqagent.agent.filter} SPI: one package per
 * industrial protocol ({@code modbus}, {@code dnp3}, {@code opcua}), each a codec, a policy and the
 * {@code StreamFilterProvider} that ServiceLoader finds. The agent never depends on this module.
 */
package io.pqagent.adapters;
