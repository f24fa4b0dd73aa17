package io.pqagent.qsmp.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One QSMP packet as it travels: the 21-byte header followed by {@code msglen} payload bytes
 * (QSMP-WIRE §2.1). {@link #encode()} gives both in one array so that a transport writes a packet with a
 * single write and the header is never split (§2.5: the C receive loop peeks the header without waiting).
 *
 * <p>The payload array is shared, not copied: tunnel payloads reach 16 MiB and a packet is built once
 * and handed on. Whoever builds a packet gives up the array.
 */
public record Packet(PacketHeader header, byte[] payload) {

    public Packet {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (header.msglen() != payload.length) {
            throw new IllegalArgumentException("header msglen " + header.msglen() + " but payload has "
                    + payload.length + " bytes");
        }
    }

    /** A packet whose {@code msglen} is the payload's length. */
    public static Packet of(Flag flag, long sequence, long utctime, byte[] payload) {
        return new Packet(new PacketHeader(flag, payload.length, sequence, utctime), payload);
    }

    public boolean is(Flag flag) {
        return header.is(flag);
    }

    /** Header and payload, {@code 21 + msglen} bytes. */
    public byte[] encode() {
        byte[] out = new byte[PacketHeader.SIZE + payload.length];
        header.encodeInto(out, 0);
        System.arraycopy(payload, 0, out, PacketHeader.SIZE, payload.length);
        return out;
    }

    public int encodedLength() {
        return PacketHeader.SIZE + payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && header.equals(p.header) && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(payload);
    }

    /** Never the payload: it may be plaintext on its way to encryption. */
    @Override
    public String toString() {
        String flag = header.flag().map(Flag::name).orElse(String.format("0x%02X", header.flagCode()));
        return "Packet[" + flag + ", msglen=" + header.msglen() + ", sequence=" + Long.toUnsignedString(header.sequence())
                + ", utctime=" + Long.toUnsignedString(header.utctime()) + "]";
    }
}
