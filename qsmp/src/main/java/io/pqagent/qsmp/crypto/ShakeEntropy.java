package io.pqagent.qsmp.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * A deterministic stream: SHAKE-256 of a seed string, read as one continuous XOF output. This is the
 * construction the reference transcripts were recorded with; never use it for real keys.
 */
public final class ShakeEntropy implements EntropySource {
    private final SHAKEDigest xof = new SHAKEDigest(256);
    private long consumed;

    public ShakeEntropy(String seed) {
        byte[] s = seed.getBytes(StandardCharsets.UTF_8);
        xof.update(s, 0, s.length);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        if (out.length == 0) {
            return;
        }
        xof.doOutput(out, 0, out.length);
        consumed += out.length;
    }

    /** Number of bytes drawn so far (the transcripts record it per side). */
    public synchronized long consumed() {
        return consumed;
    }
}
