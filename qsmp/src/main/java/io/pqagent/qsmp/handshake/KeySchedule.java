package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.Cshake;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.RcsCipher;
import io.pqagent.qsmp.crypto.RcsVariant;
import io.pqagent.qsmp.crypto.SecretBytes;
import java.util.Arrays;

/**
 * Session and ratchet keys (QSMP-WIRE §4). One cSHAKE stream yields, in order: the client's transmit
 * key and nonce, the server's transmit key and nonce, unused bytes, then {@code rtcs}.
 */
public final class KeySchedule {
    private static final int DUPLEX_RATE = 72;
    private static final int SIMPLEX_RATE = 136;
    private static final int DUPLEX_OUTPUT = 280; // 3 blocks of 72 = 216, then 64 bytes of rtcs
    private static final int DUPLEX_RTCS_OFFSET = 216;
    private static final int SIMPLEX_OUTPUT = 336; // 2 blocks of 136 = 272, then 64 bytes of rtcs
    private static final int SIMPLEX_RTCS_OFFSET = 272;
    private static final int RTCS_SIZE = 64;
    private static final int NONCE_SIZE = 32;

    private KeySchedule() {
    }

    /** §4.1: cSHAKE-rate72(X = seca, N = sch, S = secb). */
    public static CipherPair duplex(Role role, MacMode mac, BlockPath path, byte[] seca, byte[] sch, byte[] secb) {
        byte[] out = Cshake.derive(DUPLEX_RATE, seca, sch, secb, DUPLEX_OUTPUT);
        return split(out, role, mac, path, RcsVariant.RCS512, DUPLEX_RTCS_OFFSET);
    }

    /** §4.2: cSHAKE256(X = sec, N = sch, S = empty). */
    public static CipherPair simplex(Role role, MacMode mac, BlockPath path, byte[] sec, byte[] sch) {
        byte[] out = Cshake.derive(SIMPLEX_RATE, sec, sch, new byte[0], SIMPLEX_OUTPUT);
        return split(out, role, mac, path, RcsVariant.RCS256, SIMPLEX_RTCS_OFFSET);
    }

    /**
     * §4.3: cSHAKE-rate72(X = token or KEM secret, N = cfg48, S = rtcs). Both directions are re-keyed as
     * RCS-512 whatever the mode; the server ("receiver") takes the first pair for receiving.
     */
    public static CipherPair ratchet(Role role, MacMode mac, BlockPath path, byte[] secret, byte[] config48, byte[] rtcs) {
        byte[] out = Cshake.derive(DUPLEX_RATE, secret, config48, rtcs, DUPLEX_OUTPUT);
        return split(out, role, mac, path, RcsVariant.RCS512, DUPLEX_RTCS_OFFSET);
    }

    private static CipherPair split(byte[] out, Role role, MacMode mac, BlockPath path, RcsVariant variant,
            int rtcsOffset) {
        int k = variant.keySize();
        byte[] key1 = Arrays.copyOfRange(out, 0, k);
        byte[] nonce1 = Arrays.copyOfRange(out, k, k + NONCE_SIZE);
        byte[] key2 = Arrays.copyOfRange(out, k + NONCE_SIZE, 2 * k + NONCE_SIZE);
        byte[] nonce2 = Arrays.copyOfRange(out, 2 * k + NONCE_SIZE, 2 * (k + NONCE_SIZE));
        SecretBytes rtcs = SecretBytes.copyOf(out, rtcsOffset, RTCS_SIZE);
        try {
            RcsCipher first = RcsCipher.initialize(variant, mac, key1, nonce1, new byte[0], path);
            RcsCipher second = RcsCipher.initialize(variant, mac, key2, nonce2, new byte[0], path);
            return role == Role.CLIENT ? new CipherPair(first, second, rtcs) : new CipherPair(second, first, rtcs);
        } finally {
            Arrays.fill(out, (byte) 0);
            Arrays.fill(key1, (byte) 0);
            Arrays.fill(key2, (byte) 0);
            Arrays.fill(nonce1, (byte) 0);
            Arrays.fill(nonce2, (byte) 0);
        }
    }
}
