package io.pqagent.qsmp.conformance;

import java.util.Arrays;

/**
 * One packet as it went over the wire, in the causal order of the run. Arrays are the transcript's
 * own; treat them as read-only.
 *
 * @param index            position in the whole transcript, from 0
 * @param direction        which way it travelled
 * @param directionIndex   position among the packets of the same direction, from 0
 * @param step             the script step that produced it, e.g. {@code "connect_request"}
 * @param flagCode         byte 0 of the header
 * @param sequence         the header's sequence field, unsigned 64-bit
 * @param msglen           the header's message length, unsigned 32-bit
 * @param utctime          the header's time field, unsigned 64-bit
 * @param header           the 21 header bytes as sent
 * @param payload          the {@code msglen} payload bytes as sent (after tampering, if any)
 * @param receiverRead     how far the receiver's code read it, in the recorder's words
 * @param encryption       the sender's cipher record, or null for a packet that is not RCS-encrypted
 * @param tamperedOriginal the packet (header and payload) as the sender built it before the harness
 *                         modified it, or null for an untouched packet
 */
public record TranscriptPacket(int index, PacketDirection direction, int directionIndex, String step, int flagCode,
        long sequence, long msglen, long utctime, byte[] header, byte[] payload, String receiverRead,
        PacketEncryption encryption, byte[] tamperedOriginal) {

    /** Header followed by payload: the exact bytes the receiver got. */
    public byte[] wireBytes() {
        byte[] out = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, out, header.length, payload.length);
        return out;
    }

    public boolean tampered() {
        return tamperedOriginal != null;
    }
}
