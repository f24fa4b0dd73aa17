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
 *
 * <p>An idle instance can be {@linkplain #compact() compacted}: it drops its expanded round keys and
 * counter-mode state (about 1 KiB for RCS-256) and keeps only the 32- or 64-byte key and the counter
 * block; the next message re-derives the round keys from the key (one cSHAKE, a few microseconds). The
 * chained MAC state cannot be re-derived and is always kept. Holding the key instead of the round keys
 * exposes nothing more: either one encrypts, and the round keys do not depend on anything else.
 */
public final class RcsCipher {
    private static final byte[] NO_INFO = new byte[0];

    private final RcsVariant variant;
    private final MacMode macMode;
    private final BlockPath path;
    /** The cipher key, kept to re-derive the round keys after {@link #compact()}; wiped by {@link #destroy()}. */
    private final byte[] key;
    /** The cSHAKE customization (public; empty in QSMP). */
    private final byte[] info;
    /** The counter mode with its round keys; null while compacted. */
    private RcsCounterMode ctr;
    /** While compacted: the counter block to resume from; null otherwise. */
    private byte[] parkedNonce;
    private final RcsAuthenticator mac;
    private final int tagSize;
    private long counter;
    /** A message went through since the last {@link #compactIfUnused()}. */
    private boolean used;
    private boolean destroyed;

    private RcsCipher(RcsVariant variant, MacMode macMode, BlockPath path, byte[] key, byte[] info,
            RcsCounterMode ctr, byte[] parkedNonce, RcsAuthenticator mac, long counter) {
        this.variant = variant;
        this.macMode = macMode;
        this.path = path;
        this.key = key;
        this.info = info;
        this.ctr = ctr;
        this.parkedNonce = parkedNonce;
        this.mac = mac;
        this.counter = counter;
        this.tagSize = macMode.tagSize(variant);
    }

    /** An instance with empty {@code info} on the default ({@link BlockPath#AUTO}) block path, as QSMP initialises it. */
    public static RcsCipher initialize(RcsVariant variant, MacMode mac, byte[] key, byte[] nonce) {
        return initialize(variant, mac, key, nonce, NO_INFO, BlockPath.AUTO);
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
            RcsCounterMode ctr = new RcsCounterMode(blockFunction(variant, path, ks.roundKeys()), nonce);
            RcsAuthenticator auth = mac.authenticated() ? RcsAuthenticator.create(mac, variant, ks.macKey(), nonce) : null;
            byte[] keptInfo = info.length == 0 ? NO_INFO : info.clone();
            return new RcsCipher(variant, mac, path, key.clone(), keptInfo, ctr, null, auth, 1);
        } finally {
            ks.destroy();
        }
    }

    private static Rijndael256 blockFunction(RcsVariant variant, BlockPath path, int[] roundKeys) {
        return switch (path) {
            case AUTO -> new AutoRijndael256(variant.rounds(), roundKeys);
            case TABLE -> new Rijndael256Table(variant.rounds(), roundKeys);
            case CONSTANT_TIME -> new Rijndael256ConstantTime(variant.rounds(), roundKeys);
        };
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
        RcsCounterMode ctr = expanded();
        // QSMP-WIRE §5.5 steps 1-6
        counter += length;
        RcsScratch scratch = mac != null ? RcsScratch.current() : null;
        if (mac != null) {
            absorbCounterBlock(ctr, scratch.nonce);
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
        RcsCounterMode ctr = expanded();
        counter += length;
        if (mac != null) {
            RcsScratch scratch = RcsScratch.current();
            absorbCounterBlock(ctr, scratch.nonce);
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

    /** QSMP-WIRE §5.5 step 2: the counter block into the MAC, through the thread's scratch, wiped after. */
    private void absorbCounterBlock(RcsCounterMode ctr, byte[] scratch) {
        ctr.writeNonce(scratch, 0);
        mac.update(scratch, 0, RcsVariant.NONCE_SIZE);
        Arrays.fill(scratch, 0, RcsVariant.NONCE_SIZE, (byte) 0);
    }

    /** A deep, independent copy (clone before a trial decryption: the MAC state is chained); as compact as this. */
    public RcsCipher copy() {
        checkLive();
        return new RcsCipher(variant, macMode, path, key.clone(), info, ctr == null ? null : ctr.copy(),
                parkedNonce == null ? null : parkedNonce.clone(), mac == null ? null : mac.copy(), counter);
    }

    /** A copy of the current 32-byte counter block. */
    public byte[] nonce() {
        checkLive();
        return ctr != null ? ctr.nonce() : parkedNonce.clone();
    }

    /**
     * Drops the round keys and counter-mode state until the next message re-derives them from the key
     * (see the class comment). For an instance that may stay idle; a no-op if already compact.
     */
    public void compact() {
        checkLive();
        if (ctr == null) {
            return;
        }
        parkedNonce = ctr.nonce();
        ctr.destroy();
        ctr = null;
    }

    /**
     * {@link #compact()}s the instance unless a message went through since the previous call: called at a
     * steady pace (say each keep-alive interval), it compacts what stayed idle for a whole period, and a
     * busy instance pays no re-derivation. Returns whether the instance is compact now.
     */
    public boolean compactIfUnused() {
        checkLive();
        if (used) {
            used = false;
            return false;
        }
        compact();
        return true;
    }

    /** Whether the round keys are currently dropped (see {@link #compact()}). */
    public boolean isCompact() {
        return ctr == null;
    }

    /** The counter mode, re-derived from the key first if the instance was compacted. */
    private RcsCounterMode expanded() {
        used = true;
        RcsCounterMode c = ctr;
        if (c != null) {
            return c;
        }
        int[] roundKeys = RcsKeySchedule.roundKeys(variant, macMode.authenticated(), key, info);
        try {
            c = new RcsCounterMode(blockFunction(variant, path, roundKeys), parkedNonce);
        } finally {
            Arrays.fill(roundKeys, 0);
        }
        Arrays.fill(parkedNonce, (byte) 0);
        parkedNonce = null;
        ctr = c;
        return c;
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
        if (ctr != null) {
            ctr.destroy();
            ctr = null;
        }
        if (parkedNonce != null) {
            Arrays.fill(parkedNonce, (byte) 0);
            parkedNonce = null;
        }
        Arrays.fill(key, (byte) 0);
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
