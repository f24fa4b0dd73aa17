package io.pqagent.qsmp.crypto;

import org.bouncycastle.crypto.digests.SHA3Digest;

/** SHA3-256 and SHA3-512 (FIPS 202) over the concatenation of several parts. */
public final class Sha3 {
    private Sha3() {
    }

    public static byte[] sha256(byte[]... parts) {
        return digest(256, parts);
    }

    public static byte[] sha512(byte[]... parts) {
        return digest(512, parts);
    }

    private static byte[] digest(int bits, byte[]... parts) {
        SHA3Digest d = new SHA3Digest(bits);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[bits / 8];
        d.doFinal(out, 0);
        return out;
    }
}
