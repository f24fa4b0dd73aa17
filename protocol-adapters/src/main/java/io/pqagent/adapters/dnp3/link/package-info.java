/**
 * The DNP3 data link layer (IEEE 1815): FT3 frames of a 10-octet header and up to 250 octets of
 * user data in 16-octet blocks, every block followed by its CRC-16/DNP, and a stream reader that
 * resynchronises on the start octets after a damaged frame.
 */
package io.pqagent.adapters.dnp3.link;
