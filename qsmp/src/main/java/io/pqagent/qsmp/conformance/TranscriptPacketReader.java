package io.pqagent.qsmp.conformance;

import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads {@code packets} of a transcript, checking that the redundant fields agree with the bytes. */
final class TranscriptPacketReader {
    private TranscriptPacketReader() {
    }

    static List<TranscriptPacket> packets(List<JsonCursor> items) throws TranscriptFormatException {
        List<TranscriptPacket> out = new ArrayList<>(items.size());
        Map<PacketDirection, Integer> perDirection = new EnumMap<>(PacketDirection.class);
        for (JsonCursor p : items) {
            TranscriptPacket packet = packet(p);
            if (packet.index() != out.size()) {
                throw p.error("index", "is " + packet.index() + " at position " + out.size());
            }
            int expectedDirIndex = perDirection.merge(packet.direction(), 1, Integer::sum) - 1;
            if (packet.directionIndex() != expectedDirIndex) {
                throw p.error("dir_index", "is " + packet.directionIndex() + " but this is packet "
                        + expectedDirIndex + " of direction " + packet.direction().jsonName());
            }
            out.add(packet);
        }
        return out;
    }

    private static TranscriptPacket packet(JsonCursor p) throws TranscriptFormatException {
        int flag = p.intIn("flag", 0, 0xFF);
        long msglen = p.integer("msglen", 0, 0xFFFFFFFFL);
        long sequence = p.unsigned64("sequence");
        long utctime = p.unsigned64("utctime");
        byte[] header = p.hex("header_hex", QsmpConstants.HEADER_SIZE);
        PacketHeader decoded = PacketHeader.decode(header, 0);
        if (!decoded.equals(new PacketHeader(flag, msglen, sequence, utctime))) {
            throw p.error("header_hex", "decodes to " + describe(decoded) + " but the fields say "
                    + describe(new PacketHeader(flag, msglen, sequence, utctime)));
        }
        byte[] payload = p.hex("payload_hex");
        if (payload.length != msglen) {
            throw p.error("payload_hex", "holds " + payload.length + " bytes but msglen is " + msglen);
        }
        return new TranscriptPacket(
                p.intIn("index", 0, Integer.MAX_VALUE),
                direction(p),
                p.intIn("dir_index", 0, Integer.MAX_VALUE),
                p.text("step"),
                flag, sequence, msglen, utctime, header, payload,
                p.text("receiver_read"),
                encryption(p, msglen),
                tamperedOriginal(p, msglen));
    }

    private static PacketDirection direction(JsonCursor p) throws TranscriptFormatException {
        String dir = p.text("dir");
        for (PacketDirection d : PacketDirection.values()) {
            if (d.jsonName().equals(dir)) {
                return d;
            }
        }
        throw p.error("dir", "expected 'c2s' or 's2c', found '" + dir + "'");
    }

    /** RCS-encrypted packets carry ciphertext ‖ tag; the receiver's verdict sits beside the record. */
    private static PacketEncryption encryption(JsonCursor p, long msglen) throws TranscriptFormatException {
        JsonCursor e = p.optionalObject("encryption");
        if (e == null) {
            return null;
        }
        byte[] plaintext = e.hex("plaintext_hex");
        byte[] tag = e.hex("tag_hex");
        if ((long) plaintext.length + tag.length != msglen) {
            throw e.error("plaintext " + plaintext.length + " + tag " + tag.length + " bytes do not make msglen "
                    + msglen);
        }
        return new PacketEncryption(plaintext, tag, e.hex("sender_nonce_after", QsmpConstants.NONCE_SIZE),
                e.unsigned64("sender_counter_after"), p.bool("receiver_decrypt_ok"));
    }

    private static byte[] tamperedOriginal(JsonCursor p, long msglen) throws TranscriptFormatException {
        JsonCursor t = p.optionalObject("tampered");
        if (t == null) {
            return null;
        }
        // the harness modifies bytes in place, so the original has the sent packet's length
        return t.hex("original_packet_hex", Math.toIntExact(QsmpConstants.HEADER_SIZE + msglen));
    }

    private static String describe(PacketHeader h) {
        return String.format("flag 0x%02x, msglen %d, sequence %s, utctime %s", h.flagCode(), h.msglen(),
                Long.toUnsignedString(h.sequence()), Long.toUnsignedString(h.utctime()));
    }
}
