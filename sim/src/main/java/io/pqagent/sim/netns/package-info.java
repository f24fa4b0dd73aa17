/**
 * The plant network: one Linux network namespace per site on a bridge in the root namespace, so a
 * scenario's agents reach each other and the runner over real interfaces instead of loopback
 * ({@link PlantNetwork}). Needs root and iproute2's {@code ip}. See docs/sim.md.
 */
package io.pqagent.sim.netns;
