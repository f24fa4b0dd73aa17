package io.pqagent.adapters.dnp3.app;

import java.util.EnumSet;
import java.util.Set;

/** The two IIN octets of a response; {@code bits} holds IIN1 in its low octet and IIN2 in its high one. */
public record Iin(int bits) {
    public static final Iin NONE = new Iin(0);

    public Iin {
        if ((bits & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("IIN bits 0x" + Integer.toHexString(bits) + " exceed two octets");
        }
    }

    public static Iin decode(int iin1, int iin2) {
        return new Iin((iin1 & 0xFF) | (iin2 & 0xFF) << 8);
    }

    public int iin1() {
        return bits & 0xFF;
    }

    public int iin2() {
        return bits >>> 8;
    }

    public boolean has(IinBit bit) {
        return (bits & bit.mask()) != 0;
    }

    public Iin with(IinBit bit) {
        return new Iin(bits | bit.mask());
    }

    public Set<IinBit> set() {
        Set<IinBit> out = EnumSet.noneOf(IinBit.class);
        for (IinBit b : IinBit.values()) {
            if (has(b)) {
                out.add(b);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Iin" + set();
    }
}
