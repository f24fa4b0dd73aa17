package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.wire.PacketHeader;

/** One packet read from the connection: its header and exactly the payload bytes that followed it. */
record Frame(PacketHeader header, byte[] payload) {
}
