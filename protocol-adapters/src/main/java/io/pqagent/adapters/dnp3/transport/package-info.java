/**
 * The DNP3 transport function (IEEE 1815): one header octet (FIN, FIR, six-bit sequence) in front of
 * at most 249 octets of an application fragment per link frame, and the bounded reassembly of a fragment
 * from its segments.
 */
package io.pqagent.adapters.dnp3.transport;
