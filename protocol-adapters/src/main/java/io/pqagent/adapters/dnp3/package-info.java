/**
 * DNP3 (IEEE 1815) over TCP for the agent: a codec written from the standard ({@code link}: FT3 frames with
 * CRC-16/DNP; {@code transport}: segments and fragment reassembly; {@code app}: application fragments and the
 * object groups a master and an outstation exchange for polls and controls), a minimal {@code master} and
 * {@code outstation} on that codec, and the {@code protocol: dnp3} stream filter that enforces a
 * {@code policy} on requests before they reach the outstation. See {@code docs/adapters-dnp3.md}.
 */
package io.pqagent.adapters.dnp3;
