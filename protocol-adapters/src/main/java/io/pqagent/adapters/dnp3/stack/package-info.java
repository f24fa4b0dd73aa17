/**
 * Link and transport joined for an end point (our master and outstation, not the filter): application
 * fragments out as link frames, octets in as whole fragments and link-service frames. No sockets.
 */
package io.pqagent.adapters.dnp3.stack;
