package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The RCS key schedule (QSMP-WIRE §5.2): one cSHAKE stream (X = key, N = variant name, S = info) squeezed in
 * whole blocks; the round keys are its first (rounds + 1) x 32 bytes, and the MAC key is the start of the
 * next fresh block (the unused tail of the last round-key block is dropped).
 */
final class RcsKeySchedule {
    private static final VarHandle LE_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] roundKeys;
    private final byte[] macKey;

    private RcsKeySchedule(int[] roundKeys, byte[] macKey) {
        this.roundKeys = roundKeys;
        this.macKey = macKey;
    }

    static RcsKeySchedule derive(RcsVariant variant, boolean authenticated, byte[] key, byte[] info) {
        int rate = variant.rate();
        int rkBytes = variant.roundKeyBytes();
        int rkBlocksBytes = ((rkBytes + rate - 1) / rate) * rate;
        int macKeyBytes = authenticated ? variant.keySize() : 0;
        byte[] stream = Cshake.derive(rate, key, variant.cshakeName(authenticated), info, rkBlocksBytes + macKeyBytes);
        int[] rk = pack(stream, rkBytes);
        byte[] mk = Arrays.copyOfRange(stream, rkBlocksBytes, rkBlocksBytes + macKeyBytes);
        Arrays.fill(stream, (byte) 0);
        return new RcsKeySchedule(rk, mk);
    }

    /**
     * Only the round keys of {@link #derive} (the same leading bytes of the same cSHAKE stream, without the
     * MAC key): what a compacted {@link RcsCipher} re-derives. The caller owns and must wipe them.
     */
    static int[] roundKeys(RcsVariant variant, boolean authenticated, byte[] key, byte[] info) {
        int rkBytes = variant.roundKeyBytes();
        byte[] stream = Cshake.derive(variant.rate(), key, variant.cshakeName(authenticated), info, rkBytes);
        try {
            return pack(stream, rkBytes);
        } finally {
            Arrays.fill(stream, (byte) 0);
        }
    }

    private static int[] pack(byte[] stream, int rkBytes) {
        int[] rk = new int[rkBytes / 4];
        for (int i = 0; i < rk.length; i++) {
            // round-key bytes are XORed onto the state in state byte order: pack them like the columns
            rk[i] = (int) LE_INT.get(stream, 4 * i);
        }
        return rk;
    }

    /** The round keys as (rounds + 1) x 8 little-endian columns; the caller owns and must wipe them. */
    int[] roundKeys() {
        return roundKeys;
    }

    /** The MAC key (keySize bytes; empty without a MAC); the caller owns and must wipe it. */
    byte[] macKey() {
        return macKey;
    }

    void destroy() {
        Arrays.fill(roundKeys, 0);
        Arrays.fill(macKey, (byte) 0);
    }
}
