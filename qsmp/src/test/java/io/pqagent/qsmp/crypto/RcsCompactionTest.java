package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RcsCipher#compact()}: an instance that drops its round keys between messages and re-derives them
 * produces byte for byte what an instance that never did produces, in every mode, variant and block path;
 * copies of a compact instance are independent; destroy wipes the key kept for re-derivation.
 */
class RcsCompactionTest {
    private static final byte[] HEADER = RcsTestMaterial.hex("04450000000400000000000000F5F2EA6800000000");
    /** Lengths around the 32-byte block and the 72/136-byte rates, so partial blocks and the KMAC quirk occur. */
    private static final int[] LENGTHS = {1, 31, 32, 33, 64, 71, 100, 135, 136, 137, 500, 4096};

    static Stream<Arguments> everyMode() {
        return Stream.of(RcsVariant.values()).flatMap(v -> Stream.of(MacMode.values())
                .flatMap(m -> Stream.of(BlockPath.values()).map(p -> Arguments.of(v, m, p))));
    }

    private static RcsCipher fresh(RcsVariant v, MacMode m, BlockPath p, byte[] info) {
        return RcsCipher.initialize(v, m, RcsTestMaterial.sequence(0x21, v.keySize()),
                RcsTestMaterial.sequence(0x90, 32), info, p);
    }

    private static byte[] seal(RcsCipher c, byte[] pt) {
        byte[] out = new byte[pt.length + c.tagSize()];
        c.setAssociated(HEADER, 0, HEADER.length);
        c.encrypt(pt, 0, pt.length, out, 0);
        return out;
    }

    private static boolean open(RcsCipher c, byte[] packet, int ptLen, byte[] out) {
        c.setAssociated(HEADER, 0, HEADER.length);
        return c.decrypt(packet, 0, ptLen, packet, ptLen, out, 0);
    }

    @ParameterizedTest
    @MethodSource("everyMode")
    void compactingBetweenMessagesChangesNoByte(RcsVariant v, MacMode m, BlockPath p) {
        byte[] info = "compaction".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RcsCipher plain = fresh(v, m, p, info);
        RcsCipher compacted = fresh(v, m, p, info);
        RcsCipher receiver = fresh(v, m, p, info);
        for (int i = 0; i < LENGTHS.length; i++) {
            byte[] pt = RcsTestMaterial.sequence(i, LENGTHS[i]);
            compacted.compact();
            assertThat(compacted.isCompact()).isTrue();
            assertThat(compacted.nonce()).as("counter block kept while compact").isEqualTo(plain.nonce());
            byte[] expected = seal(plain, pt);
            assertThat(seal(compacted, pt)).as("message %d of %d bytes", i, pt.length).isEqualTo(expected);
            assertThat(compacted.isCompact()).as("re-expanded by the message").isFalse();

            receiver.compact();
            byte[] out = new byte[pt.length];
            assertThat(open(receiver, expected, pt.length, out)).isTrue();
            assertThat(out).isEqualTo(pt);
        }
        assertThat(compacted.counter()).isEqualTo(plain.counter());
        assertThat(compacted.nonce()).isEqualTo(plain.nonce());
    }

    @Test
    void compactIfUnusedSparesAnInstanceThatCarriedAMessageSinceTheLastCall() {
        RcsCipher c = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE, new byte[0]);
        seal(c, new byte[10]);
        assertThat(c.compactIfUnused()).as("used since creation").isFalse();
        assertThat(c.isCompact()).isFalse();
        assertThat(c.compactIfUnused()).as("idle for a whole period").isTrue();
        assertThat(c.isCompact()).isTrue();
        seal(c, new byte[10]);
        assertThat(c.isCompact()).isFalse();
        assertThat(c.compactIfUnused()).isFalse();
        assertThat(c.compactIfUnused()).isTrue();
    }

    @Test
    void copyOfACompactInstanceIsIndependentAndAFailedTrialLeavesTheOriginalIntact() {
        RcsCipher tx = fresh(RcsVariant.RCS512, MacMode.KMAC, BlockPath.TABLE, new byte[0]);
        byte[] pt = RcsTestMaterial.sequence(5, 90);
        byte[] genuine = seal(tx, pt);
        byte[] forged = genuine.clone();
        forged[3] ^= 1;

        RcsCipher rx = fresh(RcsVariant.RCS512, MacMode.KMAC, BlockPath.TABLE, new byte[0]);
        rx.compact();
        RcsCipher trial = rx.copy();
        assertThat(trial.isCompact()).isTrue();
        byte[] out = new byte[pt.length];
        assertThat(open(trial, forged, pt.length, out)).isFalse();
        trial.destroy();
        assertThat(rx.isCompact()).as("the trial expanded only its own copy").isTrue();
        assertThat(open(rx, genuine, pt.length, out)).isTrue();
        assertThat(out).isEqualTo(pt);
    }

    @Test
    void destroyWipesTheKeptKeyAndACompactInstanceRefusesWork() throws Exception {
        RcsCipher c = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.CONSTANT_TIME, new byte[0]);
        c.compact();
        Field keyField = RcsCipher.class.getDeclaredField("key");
        keyField.setAccessible(true);
        byte[] kept = (byte[]) keyField.get(c);
        assertThat(kept).as("the key is kept for re-derivation").isEqualTo(RcsTestMaterial.sequence(0x21, 32));
        c.destroy();
        assertThat(kept).containsOnly(0);
        assertThatThrownBy(c::compact).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal(c, new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCallersKeyArrayIsNotKept() {
        byte[] key = RcsTestMaterial.sequence(0x21, 32);
        RcsCipher c = RcsCipher.initialize(RcsVariant.RCS256, MacMode.KMAC, key, RcsTestMaterial.sequence(0x90, 32));
        RcsCipher same = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE, new byte[0]);
        java.util.Arrays.fill(key, (byte) 0); // the handshake wipes its copy once the ciphers are keyed
        c.compact();
        assertThat(seal(c, new byte[40])).isEqualTo(seal(same, new byte[40]));
    }
}
