package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Behaviour of {@link RcsCipher}: authentication failures, copies, state, argument checks. */
class RcsCipherTest {
    private static final byte[] HEADER = RcsTestMaterial.hex("04450000000400000000000000F5F2EA6800000000");

    static Stream<Arguments> authenticatedModes() {
        return Stream.of(RcsVariant.values()).flatMap(v -> Stream.of(MacMode.KMAC, MacMode.QMAC, MacMode.KMAC_R12)
                .flatMap(m -> Stream.of(BlockPath.values()).map(p -> Arguments.of(v, m, p))));
    }

    private static RcsCipher fresh(RcsVariant v, MacMode m, BlockPath p) {
        byte[] key = RcsTestMaterial.sequence(0x10, v.keySize());
        byte[] nonce = RcsTestMaterial.sequence(0x80, 32);
        return RcsCipher.initialize(v, m, key, nonce, new byte[0], p);
    }

    private static byte[] seal(RcsCipher c, byte[] header, byte[] pt) {
        byte[] out = new byte[pt.length + c.tagSize()];
        c.setAssociated(header, 0, header.length);
        c.encrypt(pt, 0, pt.length, out, 0);
        return out;
    }

    private static boolean open(RcsCipher c, byte[] header, byte[] packet, int ptLen, byte[] out) {
        c.setAssociated(header, 0, header.length);
        return c.decrypt(packet, 0, ptLen, packet, ptLen, out, 0);
    }

    @ParameterizedTest
    @MethodSource("authenticatedModes")
    void rejectsFlippedTagCiphertextOrAssociatedDataBit(RcsVariant v, MacMode m, BlockPath p) {
        byte[] pt = RcsTestMaterial.sequence(3, 100);
        byte[] packet = seal(fresh(v, m, p), HEADER, pt);

        byte[] badTag = packet.clone();
        badTag[pt.length + 5] ^= 0x10;
        byte[] badCt = packet.clone();
        badCt[17] ^= 0x01;
        byte[] badHeader = HEADER.clone();
        badHeader[8] ^= (byte) 0x80;

        byte[] out = new byte[pt.length];
        assertThat(open(fresh(v, m, p), HEADER, badTag, pt.length, out)).isFalse();
        assertThat(out).as("nothing written on failure").containsOnly(0);
        assertThat(open(fresh(v, m, p), HEADER, badCt, pt.length, out)).isFalse();
        assertThat(open(fresh(v, m, p), badHeader, packet, pt.length, out)).isFalse();
        assertThat(out).containsOnly(0);
        assertThat(open(fresh(v, m, p), HEADER, packet, pt.length, out)).isTrue();
        assertThat(out).isEqualTo(pt);
    }

    @ParameterizedTest
    @MethodSource("authenticatedModes")
    void copyMadeBeforeAFailedTrialStillDecryptsTheGenuinePacket(RcsVariant v, MacMode m, BlockPath p) {
        byte[] pt = RcsTestMaterial.sequence(9, 77);
        RcsCipher tx = fresh(v, m, p);
        byte[] first = seal(tx, HEADER, pt);
        byte[] second = seal(tx, HEADER, pt);

        RcsCipher rx = fresh(v, m, p);
        byte[] out = new byte[pt.length];
        assertThat(open(rx, HEADER, first, pt.length, out)).isTrue();

        RcsCipher saved = rx.copy();
        byte[] nonceBefore = rx.nonce();
        long counterBefore = rx.counter();
        byte[] forged = second.clone();
        forged[forged.length - 1] ^= 1;
        assertThat(open(rx, HEADER, forged, pt.length, out)).isFalse();
        // QSMP-WIRE §5.5: the nonce does not advance, the byte counter (and MAC state) do
        assertThat(rx.nonce()).isEqualTo(nonceBefore);
        assertThat(rx.counter()).isEqualTo(counterBefore + pt.length);
        // the live instance is now out of step with the sender even for the genuine packet
        assertThat(open(rx, HEADER, second, pt.length, out)).isFalse();

        assertThat(open(saved, HEADER, second, pt.length, out)).isTrue();
        assertThat(out).isEqualTo(pt);
    }

    @ParameterizedTest
    @MethodSource("authenticatedModes")
    void copiesAreIndependent(RcsVariant v, MacMode m, BlockPath p) {
        RcsCipher a = fresh(v, m, p);
        seal(a, HEADER, new byte[40]);
        RcsCipher b = a.copy();
        assertThat(b.nonce()).isEqualTo(a.nonce());
        assertThat(b.counter()).isEqualTo(a.counter());

        byte[] pa = seal(a, HEADER, new byte[10]);
        byte[] pb = seal(b, HEADER, new byte[10]);
        assertThat(pb).as("same state, same input, same packet").isEqualTo(pa);

        seal(a, HEADER, new byte[33]);
        assertThat(b.counter()).isEqualTo(a.counter() - 33);
        assertThat(b.nonce()).isNotEqualTo(a.nonce());
        a.destroy();
        byte[] pb2 = seal(b, HEADER, new byte[5]);
        assertThat(pb2).hasSize(5 + b.tagSize());
    }

    @Test
    void tagSizesFollowTheMacMode() {
        assertThat(fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE).tagSize()).isEqualTo(32);
        assertThat(fresh(RcsVariant.RCS512, MacMode.KMAC, BlockPath.TABLE).tagSize()).isEqualTo(64);
        assertThat(fresh(RcsVariant.RCS256, MacMode.QMAC, BlockPath.TABLE).tagSize()).isEqualTo(32);
        assertThat(fresh(RcsVariant.RCS512, MacMode.QMAC, BlockPath.TABLE).tagSize()).isEqualTo(32);
        assertThat(fresh(RcsVariant.RCS512, MacMode.KMAC_R12, BlockPath.TABLE).tagSize()).isEqualTo(64);
        assertThat(fresh(RcsVariant.RCS512, MacMode.NONE, BlockPath.TABLE).tagSize()).isZero();
    }

    @Test
    void counterStartsAtOneAndNonceAdvancesPerBlockIncludingPartial() {
        RcsCipher c = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE);
        assertThat(c.counter()).isEqualTo(1);
        byte[] n0 = c.nonce();
        seal(c, HEADER, new byte[33]);
        assertThat(c.counter()).isEqualTo(34);
        byte[] expected = n0.clone();
        expected[0] += 2;
        assertThat(c.nonce()).isEqualTo(expected);
        seal(c, HEADER, new byte[0]);
        assertThat(c.nonce()).as("an empty message uses no keystream block").isEqualTo(expected);
    }

    @Test
    void encryptsInPlace() {
        byte[] pt = RcsTestMaterial.sequence(1, 200);
        byte[] expected = seal(fresh(RcsVariant.RCS512, MacMode.KMAC, BlockPath.TABLE), HEADER, pt);
        byte[] buf = Arrays.copyOf(pt, pt.length + 64);
        RcsCipher c = fresh(RcsVariant.RCS512, MacMode.KMAC, BlockPath.TABLE);
        c.setAssociated(HEADER, 0, HEADER.length);
        c.encrypt(buf, 0, pt.length, buf, 0);
        assertThat(buf).isEqualTo(expected);

        RcsCipher d = fresh(RcsVariant.RCS512, MacMode.KMAC, BlockPath.TABLE);
        d.setAssociated(HEADER, 0, HEADER.length);
        assertThat(d.decrypt(buf, 0, pt.length, buf, pt.length, buf, 0)).isTrue();
        assertThat(Arrays.copyOf(buf, pt.length)).isEqualTo(pt);
    }

    @Test
    void emptyAssociatedDataIsANoOp() {
        RcsCipher a = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE);
        RcsCipher b = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE);
        a.setAssociated(new byte[5], 2, 0);
        byte[] oa = new byte[3 + 32];
        byte[] ob = new byte[3 + 32];
        a.encrypt(new byte[3], 0, 3, oa, 0);
        b.encrypt(new byte[3], 0, 3, ob, 0);
        assertThat(oa).isEqualTo(ob);
    }

    @Test
    void infoCustomisesTheKeySchedule() {
        byte[] key = new byte[32];
        byte[] nonce = new byte[32];
        RcsCipher plain = RcsCipher.initialize(RcsVariant.RCS256, MacMode.KMAC, key, nonce);
        RcsCipher tweaked = RcsCipher.initialize(RcsVariant.RCS256, MacMode.KMAC, key, nonce, new byte[] {1}, BlockPath.TABLE);
        byte[] a = new byte[32 + 32];
        byte[] b = new byte[32 + 32];
        plain.encrypt(new byte[32], 0, 32, a, 0);
        tweaked.encrypt(new byte[32], 0, 32, b, 0);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void rejectsBadArgumentsWithClearMessages() {
        assertThatThrownBy(() -> RcsCipher.initialize(RcsVariant.RCS512, MacMode.KMAC, new byte[32], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64-byte key");
        assertThatThrownBy(() -> RcsCipher.initialize(RcsVariant.RCS256, MacMode.KMAC, new byte[32], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce must be 32 bytes");
        RcsCipher c = fresh(RcsVariant.RCS256, MacMode.KMAC, BlockPath.TABLE);
        assertThatThrownBy(() -> c.encrypt(new byte[10], 0, 10, new byte[41], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.encrypt(new byte[10], 5, 10, new byte[42], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.decrypt(new byte[10], 0, 10, new byte[31], 0, new byte[10], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.setAssociated(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void destroyedInstanceRefusesWorkAndToStringShowsNoKeyMaterial() {
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        RcsCipher c = RcsCipher.initialize(RcsVariant.RCS256, MacMode.KMAC, key, new byte[32]);
        String text = c.toString();
        assertThat(text).contains("RCS256").contains("KMAC");
        assertThat(text.toLowerCase()).doesNotContain(HexFormat.of().formatHex(key, 0, 4));
        c.destroy();
        assertThat(c.isDestroyed()).isTrue();
        assertThatThrownBy(() -> c.encrypt(new byte[1], 0, 1, new byte[33], 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::copy).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::nonce).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unauthenticatedModeHasNoTagAndAlwaysDecrypts() {
        RcsCipher a = fresh(RcsVariant.RCS256, MacMode.NONE, BlockPath.TABLE);
        byte[] ct = new byte[50];
        a.encrypt(RcsTestMaterial.sequence(0, 50), 0, 50, ct, 0);
        RcsCipher b = fresh(RcsVariant.RCS256, MacMode.NONE, BlockPath.TABLE);
        byte[] pt = new byte[50];
        assertThat(b.decrypt(ct, 0, 50, new byte[0], 0, pt, 0)).isTrue();
        assertThat(pt).isEqualTo(RcsTestMaterial.sequence(0, 50));
    }
}
