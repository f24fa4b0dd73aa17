package io.pqagent.adapters.dnp3;

/** A master (link source) talking to an outstation (link destination): the unit of transport reassembly. */
record LinkAssociation(int source, int destination) {
}
