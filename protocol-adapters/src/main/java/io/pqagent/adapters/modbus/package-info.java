/**
 * Modbus/TCP for the agent's stream filters ({@code protocol: modbus}): the MBAP framing of the byte
 * stream, the request checks the Modbus specification asks of a server (and j2mod does not make), a
 * per-service and per-peer policy of unit ids, function codes and address ranges, and the filter that
 * answers a refused request with a Modbus exception response so the PLC never sees it.
 *
 * <p>References in comments: "MB-APP §x" is the MODBUS Application Protocol Specification V1.1b3,
 * "MB-TCP §x" the MODBUS Messaging on TCP/IP Implementation Guide V1.0b.
 */
package io.pqagent.adapters.modbus;
