package io.pqagent.qsmp.conformance;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.RcsCipher;
import io.pqagent.qsmp.crypto.RcsVariant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Runs one rcs-kat.txt block against {@link RcsCipher}: the exact call sequence of the block (initialize,
 * set_associated where an ad_N is given, encrypt each pt_N), comparing expected_N, ct_N, tag_N,
 * nonce_after_N and counter_after_N; then decrypt_check where given, and for every authenticated block a
 * replay that decrypts all packets on a fresh instance.
 */
public final class RcsVectorCheck {
    private RcsVectorCheck() {
    }

    public static RcsVectorResult run(RcsVectorBlock block) {
        return run(block, BlockPath.TABLE);
    }

    public static RcsVectorResult run(RcsVectorBlock block, BlockPath path) {
        String id = block.id();
        Optional<MacMode> mode = macModeOf(block);
        if (mode.isEmpty()) {
            // only blocks outside the reference build may be skipped; an unknown QSMP block is a failure
            if (block.value("applies_to_qsmp_reference_build").map(v -> v.startsWith("NO")).orElse(false)) {
                return RcsVectorResult.skip(id, "MAC configuration of this informational block is not supported");
            }
            return RcsVectorResult.fail(id, "cannot tell the MAC mode from the id");
        }
        try {
            return check(block, mode.get(), path);
        } catch (IllegalArgumentException e) {
            return RcsVectorResult.fail(id, "malformed block: " + e.getMessage());
        }
    }

    /**
     * The MAC build a block was produced with: the Part A ids end in -KMAC-R24, -KMAC-R12, -QMAC or
     * -UNAUTHENTICATED; Part B blocks are all from the KMAC-R24 reference build.
     */
    static Optional<MacMode> macModeOf(RcsVectorBlock block) {
        String id = block.id();
        if (id.endsWith("-KMAC-R12")) {
            return Optional.of(MacMode.KMAC_R12);
        }
        if (id.endsWith("-QMAC")) {
            return Optional.of(MacMode.QMAC);
        }
        if (id.endsWith("-UNAUTHENTICATED")) {
            return Optional.of(MacMode.NONE);
        }
        if (id.endsWith("-KMAC-R24") || id.startsWith("RCS-")) {
            return Optional.of(MacMode.KMAC);
        }
        return Optional.empty();
    }

    private static RcsVectorResult check(RcsVectorBlock block, MacMode mode, BlockPath path) {
        String id = block.id();
        RcsVariant variant = variantOf(block);
        byte[] key = block.requireBytes("key");
        byte[] nonce = block.requireBytes("nonce");
        byte[] info = block.bytes("info").orElse(new byte[0]);
        Optional<Long> keyLen = block.number("key_len");
        if (keyLen.isPresent() && keyLen.get() != key.length) {
            return RcsVectorResult.fail(id, "key_len says " + keyLen.get() + " but key has " + key.length + " bytes");
        }
        if (key.length != variant.keySize() || nonce.length != RcsVariant.NONCE_SIZE) {
            return RcsVectorResult.fail(id, "key/nonce size does not fit " + variant);
        }
        int packets = packetCount(block);
        RcsCipher enc = RcsCipher.initialize(variant, mode, key, nonce, info, path);
        Optional<Long> macLen = block.number("mac_len");
        if (macLen.isPresent() && macLen.get() != enc.tagSize()) {
            return RcsVectorResult.fail(id, "mac_len " + macLen.get() + " differs from our tag size " + enc.tagSize());
        }
        byte[][] outputs = new byte[packets + 1][];
        for (int n = 1; n <= packets; n++) {
            byte[] ad = associatedData(block, n);
            byte[] pt = plaintext(block, n);
            if (ad.length > 0) {
                enc.setAssociated(ad, 0, ad.length);
            }
            byte[] out = new byte[pt.length + enc.tagSize()];
            enc.encrypt(pt, 0, pt.length, out, 0);
            outputs[n] = out;
            String mismatch = compare(block, n, pt.length, out, enc);
            if (mismatch != null) {
                return RcsVectorResult.fail(id, mismatch);
            }
        }
        if (block.has("decrypt_check")) {
            String failure = decryptCheck(block, variant, mode, key, nonce, info, path, outputs);
            if (failure != null) {
                return RcsVectorResult.fail(id, failure);
            }
        }
        if (mode.authenticated()) {
            String failure = replay(block, variant, mode, key, nonce, info, path, outputs, packets);
            if (failure != null) {
                return RcsVectorResult.fail(id, failure);
            }
        }
        return RcsVectorResult.pass(id, packets + " packet(s), " + variant + " " + mode + " " + path);
    }

    private static String compare(RcsVectorBlock block, int n, int ptLen, byte[] out, RcsCipher enc) {
        HexFormat hex = HexFormat.of();
        Optional<byte[]> expected = block.bytes("expected_" + n);
        if (expected.isPresent() && !Arrays.equals(expected.get(), out)) {
            return "expected_" + n + " differs: got " + abbreviate(hex.formatHex(out));
        }
        Optional<byte[]> ct = block.bytes("ct_" + n);
        if (ct.isPresent() && !Arrays.equals(ct.get(), Arrays.copyOfRange(out, 0, ptLen))) {
            return "ct_" + n + " differs";
        }
        Optional<byte[]> tag = block.bytes("tag_" + n);
        if (tag.isPresent() && !Arrays.equals(tag.get(), Arrays.copyOfRange(out, ptLen, out.length))) {
            return "tag_" + n + " differs: got " + hex.formatHex(out, ptLen, out.length);
        }
        Optional<byte[]> nonceAfter = block.bytes("nonce_after_" + n);
        if (nonceAfter.isPresent() && !Arrays.equals(nonceAfter.get(), enc.nonce())) {
            return "nonce_after_" + n + " differs: got " + hex.formatHex(enc.nonce());
        }
        Optional<Long> counterAfter = block.number("counter_after_" + n);
        if (counterAfter.isPresent() && counterAfter.get() != enc.counter()) {
            return "counter_after_" + n + " differs: got " + enc.counter();
        }
        if (expected.isEmpty() && ct.isEmpty()) {
            return "neither expected_" + n + " nor ct_" + n + " is given";
        }
        return null;
    }

    /** decrypt_check: a fresh instance with the original nonce, set_associated(ad_1), decrypt packet 1. */
    private static String decryptCheck(RcsVectorBlock block, RcsVariant variant, MacMode mode, byte[] key,
            byte[] nonce, byte[] info, BlockPath path, byte[][] outputs) {
        byte[] pt = plaintext(block, 1);
        byte[] expected = block.bytes("expected_1").orElse(outputs[1]);
        RcsCipher dec = RcsCipher.initialize(variant, mode, key, nonce, info, path);
        byte[] ad = associatedData(block, 1);
        if (ad.length > 0) {
            dec.setAssociated(ad, 0, ad.length);
        }
        byte[] got = new byte[pt.length];
        if (!dec.decrypt(expected, 0, pt.length, expected, pt.length, got, 0)) {
            return "decrypt_check: the tag of expected_1 was rejected";
        }
        if (!Arrays.equals(pt, got)) {
            return "decrypt_check: decryption of expected_1 is not pt_1";
        }
        return null;
    }

    /** Every packet decrypts, in order, on a fresh receiving instance (the chained MAC stays in step). */
    private static String replay(RcsVectorBlock block, RcsVariant variant, MacMode mode, byte[] key, byte[] nonce,
            byte[] info, BlockPath path, byte[][] outputs, int packets) {
        RcsCipher dec = RcsCipher.initialize(variant, mode, key, nonce, info, path);
        for (int n = 1; n <= packets; n++) {
            byte[] ad = associatedData(block, n);
            byte[] pt = plaintext(block, n);
            if (ad.length > 0) {
                dec.setAssociated(ad, 0, ad.length);
            }
            byte[] got = new byte[pt.length];
            if (!dec.decrypt(outputs[n], 0, pt.length, outputs[n], pt.length, got, 0) || !Arrays.equals(pt, got)) {
                return "replay: packet " + n + " does not decrypt to pt_" + n;
            }
        }
        return null;
    }

    private static RcsVariant variantOf(RcsVectorBlock block) {
        String cipher = block.value("cipher").orElseThrow(() -> new IllegalArgumentException("field cipher is missing"));
        return switch (cipher) {
            case "RCS-256" -> RcsVariant.RCS256;
            case "RCS-512" -> RcsVariant.RCS512;
            default -> throw new IllegalArgumentException("field cipher: unknown cipher " + cipher);
        };
    }

    private static int packetCount(RcsVectorBlock block) {
        Optional<Long> declared = block.number("packets");
        int present = 0;
        while (block.fields().containsKey("pt_" + (present + 1))) {
            present++;
        }
        if (declared.isPresent() && declared.get() != present) {
            throw new IllegalArgumentException("field packets says " + declared.get() + " but " + present + " pt_N are given");
        }
        if (present == 0) {
            throw new IllegalArgumentException("no pt_1");
        }
        return present;
    }

    private static byte[] associatedData(RcsVectorBlock block, int n) {
        byte[] ad = block.bytes("ad_" + n).orElse(new byte[0]);
        Optional<Long> len = block.number("ad_" + n + "_len");
        if (len.isPresent() && len.get() != ad.length) {
            throw new IllegalArgumentException("field ad_" + n + "_len says " + len.get() + " but ad_" + n + " has " + ad.length + " bytes");
        }
        return ad;
    }

    private static byte[] plaintext(RcsVectorBlock block, int n) {
        byte[] pt = block.requireBytes("pt_" + n);
        Optional<Long> len = block.number("pt_" + n + "_len");
        if (len.isPresent() && len.get() != pt.length) {
            throw new IllegalArgumentException("field pt_" + n + "_len says " + len.get() + " but pt_" + n + " has " + pt.length + " bytes");
        }
        return pt;
    }

    private static String abbreviate(String v) {
        return v.length() <= 64 ? v : v.substring(0, 64) + "...";
    }
}
