package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random round trips and chained sessions for every size, MAC mode and block path. */
class RcsRoundTripProperties {
    @Property(tries = 300)
    void encryptThenDecryptRestoresThePlaintext(@ForAll RcsVariant variant, @ForAll MacMode mac, @ForAll BlockPath path,
            @ForAll("keyMaterial") byte[] seed, @ForAll @IntRange(min = 0, max = 5000) int length,
            @ForAll @Size(max = 64) byte[] ad) {
        byte[] key = java.util.Arrays.copyOf(seed, variant.keySize());
        byte[] nonce = java.util.Arrays.copyOfRange(seed, 64, 96);
        RcsCipher tx = RcsCipher.initialize(variant, mac, key, nonce, new byte[0], path);
        RcsCipher rx = RcsCipher.initialize(variant, mac, key, nonce, new byte[0], path);
        byte[] pt = new byte[length];
        new java.util.Random(length).nextBytes(pt);

        byte[] packet = new byte[length + tx.tagSize()];
        tx.setAssociated(ad, 0, ad.length);
        tx.encrypt(pt, 0, length, packet, 0);
        byte[] back = new byte[length];
        rx.setAssociated(ad, 0, ad.length);
        assertThat(rx.decrypt(packet, 0, length, packet, length, back, 0)).isTrue();
        assertThat(back).isEqualTo(pt);
        assertThat(rx.nonce()).isEqualTo(tx.nonce());
        assertThat(rx.counter()).isEqualTo(tx.counter()).isEqualTo(1L + length);
    }

    @Property(tries = 60)
    void chainedPacketsStayInSync(@ForAll RcsVariant variant, @ForAll MacMode mac, @ForAll BlockPath path,
            @ForAll("keyMaterial") byte[] seed,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 700) Integer> lengths) {
        byte[] key = java.util.Arrays.copyOf(seed, variant.keySize());
        byte[] nonce = java.util.Arrays.copyOfRange(seed, 64, 96);
        RcsCipher tx = RcsCipher.initialize(variant, mac, key, nonce, new byte[0], path);
        RcsCipher rx = RcsCipher.initialize(variant, mac, key, nonce, new byte[0], path);
        long sequence = 0;
        for (int length : lengths) {
            byte[] header = new byte[21];
            header[0] = 0x04;
            header[5] = (byte) ++sequence;
            byte[] pt = new byte[length];
            new java.util.Random(sequence * 31 + length).nextBytes(pt);
            byte[] packet = new byte[length + tx.tagSize()];
            tx.setAssociated(header, 0, header.length);
            tx.encrypt(pt, 0, length, packet, 0);
            byte[] back = new byte[length];
            rx.setAssociated(header, 0, header.length);
            assertThat(rx.decrypt(packet, 0, length, packet, length, back, 0)).as("packet %d", sequence).isTrue();
            assertThat(back).isEqualTo(pt);
        }
        assertThat(rx.nonce()).isEqualTo(tx.nonce());
    }

    @Provide
    Arbitrary<byte[]> keyMaterial() {
        return Arbitraries.bytes().array(byte[].class).ofSize(96);
    }
}
