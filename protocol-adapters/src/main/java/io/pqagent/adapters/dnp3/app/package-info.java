/**
 * The DNP3 application layer (IEEE 1815, with its object library): fragments
 * of application control, function code, IIN (responses only) and object headers with their objects, for the
 * groups a master and an outstation need for class polls and binary output controls: g1/g2, g10/g12, g20/g22,
 * g30/g32, g40/g41 and g60. Decoding never lets an index or length error escape: every count is checked
 * against the octets left before anything is read or allocated, and failures are {@link AppParseException}s.
 */
package io.pqagent.adapters.dnp3.app;
