package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * RCS, QSC's authenticated stream cipher (QSMP-WIRE §5): Rijndael-256 in CTR mode with a 256-bit
 * little-endian counter that persists across messages, authenticated by a MAC whose state chains across
 * every message of this instance (KMAC by default, §5.5; QMAC as a per-peer option, §5.6).
 *
 * <p>One instance is one direction of one session. It is stateful and not thread-safe. A failed
 * {@link #decrypt} leaves the instance desynchronised exactly as QSC does (MAC state and byte counter
 * advanced, counter block not), so a caller that may retry on other keys clones with {@link #copy()} first.
 */
public final class RcsCipher {
    private final RcsVariant variant;
    private final MacMode macMode;
    private final BlockPath path;
    private final RcsCounterMode ctr;
    private final RcsAuthenticator mac;
    private final int tagSize;
    private long counter;
    private boolean destroyed;

    private RcsCipher(RcsVariant variant, MacMode macMode, BlockPath path, RcsCounterMode ctr,
            RcsAuthenticator mac, long counter) {
        this.variant = variant;
        this.macMode = macMode;
        this.path = path;
        this.ctr = ctr;
        this.mac = mac;
        this.counter = counter;
        this.tagSize = macMode.tagSize(variant);
    }

    /** An instance with empty {@code info} on the default (table) block path, as QSMP initialises it. */
    public static RcsCipher initialize(RcsVariant variant, MacMode mac, byte[] key, byte[] nonce) {
        return initialize(variant, mac, key, nonce, new byte[0], BlockPath.TABLE);
    }

    /**
     * Keys a new instance (QSMP-WIRE §5.2): round keys and MAC key from cSHAKE(key, name, info); the MAC is
     * keyed once here; the byte counter starts at 1.
     *
     * @param key   32 bytes (RCS-256) or 64 bytes (RCS-512)
     * @param nonce the 32-byte initial counter block
     * @param info  the cSHAKE customization S (empty in QSMP)
     */
    public static RcsCipher initialize(RcsVariant variant, MacMode mac, byte[] key, byte[] nonce, byte[] info,
            BlockPath path) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(path, "path");
        if (key.length != variant.keySize()) {
            throw new IllegalArgumentException(variant + " needs a " + variant.keySize() + "-byte key, got " + key.length);
        }
        if (nonce.length != RcsVariant.NONCE_SIZE) {
            throw new IllegalArgumentException("RCS nonce must be 32 bytes, got " + nonce.length);
        }
        RcsKeySchedule ks = RcsKeySchedule.derive(variant, mac.authenticated(), key, info);
        try {
            Rijndael256 block = switch (path) {
                case TABLE -> new Rijndael256Table(variant.rounds(), ks.roundKeys());
                case CONSTANT_TIME -> new Rijndael256ConstantTime(variant.rounds(), ks.roundKeys());
            };
            RcsAuthenticator auth = mac.authenticated() ? RcsAuthenticator.create(mac, variant, ks.macKey(), nonce) : null;
            return new RcsCipher(variant, mac, path, new RcsCounterMode(block, nonce), auth, 1);
        } finally {
            ks.destroy();
        }
    }

    public RcsVariant variant() {
        return variant;
    }

    public MacMode macMode() {
        return macMode;
    }

    public BlockPath blockPath() {
        return path;
    }

    /** KMAC: 32 (RCS-256) or 64 (RCS-512); QMAC: 32; NONE: 0. */
    public int tagSize() {
        return tagSize;
    }

    /**
     * Absorbs associated data for the next message, then LE32(length) (QSMP-WIRE §5.5). Length 0 is a no-op,
     * as in QSC. QSMP calls it with the 21-byte packet header before every message.
     */
    public void setAssociated(byte[] ad, int offset, int length) {
        checkLive();
        Objects.checkFromIndexSize(offset, length, ad.length);
        if (length == 0 || mac == null) {
            return;
        }
        mac.update(ad, offset, length);
        byte[] le32 = RcsScratch.current().length; // public data: no wipe needed
        le32[0] = (byte) length;
        le32[1] = (byte) (length >>> 8);
        le32[2] = (byte) (length >>> 16);
        le32[3] = (byte) (length >>> 24);
        mac.update(le32, 0, le32.length);
    }

    /**
     * Encrypts {@code length} bytes and writes ciphertext then the {@link #tagSize()}-byte tag at
     * {@code out[outOffset..]}. {@code in} and {@code out} may be the same array at the same offset.
     */
    public void encrypt(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkLive();
        Objects.checkFromIndexSize(inOffset, length, in.length);
        if (length > Integer.MAX_VALUE - tagSize()) {
            throw new IllegalArgumentException("message of " + length + " bytes is too long for one array with its tag");
        }
        Objects.checkFromIndexSize(outOffset, length + tagSize(), out.length);
        // QSMP-WIRE §5.5 steps 1-6
        counter += length;
        RcsScratch scratch = mac != null ? RcsScratch.current() : null;
        if (mac != null) {
            ctr.writeNonce(scratch.nonce, 0);
            mac.update(scratch.nonce, 0, RcsVariant.NONCE_SIZE);
        }
        ctr.transform(in, inOffset, out, outOffset, length);
        if (mac != null) {
            mac.update(out, outOffset, length);
            mac.updateCounter(counter);
            mac.finish(out, outOffset + length, scratch);
        }
    }

    /**
     * Verifies the tag over {@code length} ciphertext bytes in constant time, then decrypts into
     * {@code out[outOffset..]}. On a bad tag returns false and writes nothing; the counter block does not
     * advance, but the MAC state and byte counter have (QSMP-WIRE §5.5), so the instance is then out of step.
     */
    public boolean decrypt(byte[] in, int inOffset, int length, byte[] tag, int tagOffset, byte[] out, int outOffset) {
        checkLive();
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(tagOffset, tagSize(), tag.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        counter += length;
        if (mac != null) {
            RcsScratch scratch = RcsScratch.current();
            ctr.writeNonce(scratch.nonce, 0);
            mac.update(scratch.nonce, 0, RcsVariant.NONCE_SIZE);
            mac.update(in, inOffset, length);
            mac.updateCounter(counter);
            byte[] expected = scratch.tag;
            mac.finish(expected, 0, scratch);
            boolean valid = ConstantTime.equals(expected, 0, tag, tagOffset, tagSize);
            Arrays.fill(expected, 0, tagSize, (byte) 0);
            if (!valid) {
                return false;
            }
        }
        ctr.transform(in, inOffset, out, outOffset, length);
        return true;
    }

    /** A deep, independent copy (clone before a trial decryption: the MAC state is chained). */
    public RcsCipher copy() {
        checkLive();
        return new RcsCipher(variant, macMode, path, ctr.copy(), mac == null ? null : mac.copy(), counter);
    }

    /** A copy of the current 32-byte counter block. */
    public byte[] nonce() {
        checkLive();
        return ctr.nonce();
    }

    /** The byte counter: 1 at initialisation, plus the length of every message since. */
    public long counter() {
        return counter;
    }

    /** Zeroizes round keys, MAC state and counter block; the instance is unusable afterwards. */
    public void destroy() {
        if (destroyed) {
            return;
        }
        ctr.destroy();
        if (mac != null) {
            mac.destroy();
        }
        counter = 0;
        destroyed = true;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "RcsCipher[" + variant + ", " + macMode + ", " + path + ", tag " + tagSize() + (destroyed ? ", destroyed]" : "]");
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("RCS instance has been destroyed");
        }
    }
}
