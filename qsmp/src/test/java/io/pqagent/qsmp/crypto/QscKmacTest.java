package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.macs.KMAC;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * QSC's KMAC (QSMP-WIRE §5.5): its first tag is standard KMAC256 except at the finalize-quirk lengths, and
 * later tags chain (they are not a fresh KMAC of the later message).
 */
class QscKmacTest {
    private static final int RATE = 136;
    private static final int TAG = 32;

    @Test
    void firstTagIsStandardKmac256UnlessTheQuirkFires() {
        Random random = new Random(5);
        byte[] key = CshakeTest.randomBytes(random, 32);
        int quirkLengths = 0;
        for (int len = 0; len < 3 * RATE; len++) {
            byte[] msg = CshakeTest.randomBytes(random, len);
            QscKmac ours = new QscKmac(RATE, key, TAG);
            ours.update(msg, 0, msg.length);
            byte[] tag = new byte[TAG];
            ours.finish(tag, 0);

            byte[] standard = bcKmac256(key, msg);
            boolean quirk = len % RATE + 3 >= RATE;
            if (quirk) {
                quirkLengths++;
                assertThat(tag).as("length %d: QSC's finalize differs from SP 800-185 here", len).isNotEqualTo(standard);
            } else {
                assertThat(tag).as("length %d", len).isEqualTo(standard);
            }
        }
        assertThat(quirkLengths).isEqualTo(9);
    }

    @Test
    void secondTagChainsOnTheFirst() {
        byte[] key = new byte[32];
        byte[] msg = {1, 2, 3};
        QscKmac chained = new QscKmac(RATE, key, TAG);
        byte[] first = new byte[TAG];
        byte[] second = new byte[TAG];
        chained.update(msg, 0, msg.length);
        chained.finish(first, 0);
        chained.update(msg, 0, msg.length);
        chained.finish(second, 0);
        assertThat(first).isEqualTo(bcKmac256(key, msg));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void copyContinuesIndependently() {
        QscKmac a = new QscKmac(72, new byte[64], 64);
        a.update(new byte[] {9}, 0, 1);
        QscKmac b = a.copy();
        byte[] ta = new byte[64];
        byte[] tb = new byte[64];
        a.finish(ta, 0);
        b.finish(tb, 0);
        assertThat(tb).isEqualTo(ta);
        a.update(new byte[] {1}, 0, 1);
        b.update(new byte[] {2}, 0, 1);
        a.finish(ta, 0);
        b.finish(tb, 0);
        assertThat(tb).isNotEqualTo(ta);
    }

    private static byte[] bcKmac256(byte[] key, byte[] msg) {
        KMAC kmac = new KMAC(256, new byte[0]);
        kmac.init(new KeyParameter(key));
        kmac.update(msg, 0, msg.length);
        byte[] out = new byte[TAG];
        kmac.doFinal(out, 0, TAG);
        return out;
    }
}
