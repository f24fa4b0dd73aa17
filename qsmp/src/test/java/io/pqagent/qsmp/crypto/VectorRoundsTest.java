package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API rounds against the table rounds, the gate that lets {@link BlockPath#AUTO} use them, and the
 * RCS known answers on AUTO once it has switched. Surefire starts this JVM with the incubator module, so
 * on a CPU with AVX-512 VBMI the gate must open; on any other it must stay shut and say why.
 */
class VectorRoundsTest {

    @BeforeAll
    static void warmUp() throws InterruptedException {
        // another test class in this JVM may already have started the warm-up in the background: this waits
        VectorRoundsGate.warmUpNow();
    }

    @Test
    void gateOpensExactlyWhenTheCpuHasVbmi() throws IOException {
        boolean vbmi = Pattern.compile("\\bavx512vbmi\\b").matcher(Files.readString(Path.of("/proc/cpuinfo"))).find();
        assertThat(VectorRoundsGate.open()).as(BlockPath.autoDescription()).isEqualTo(vbmi);
        assertThat(BlockPath.autoDescription()).startsWith(vbmi ? "vector rounds" : "table rounds: ");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 22, 30})
    void vectorRoundsEqualTableRoundsForEveryBlockCount(int rounds) {
        SplittableRandom random = new SplittableRandom(rounds);
        for (int key = 0; key < 4; key++) {
            Rijndael256Table table = new Rijndael256Table(rounds, randomInts(random, 8 * (rounds + 1)));
            Rijndael256 vector = new VectorRijndael256(rounds, table.roundKeyLongs());
            for (int count = 0; count <= 40; count++) {
                long[] a = randomLongs(random, 4 * count + 8);
                long[] b = a.clone();
                table.encrypt(a, 4, count);
                vector.encrypt(b, 4, count);
                assertThat(b).as("rounds %d, key %d, %d blocks", rounds, key, count).isEqualTo(a);
            }
            int[] one = randomInts(random, 8);
            int[] two = one.clone();
            table.encrypt(one);
            vector.encrypt(two);
            assertThat(two).as("single block").isEqualTo(one);
        }
    }

    @Test
    void counterBlocksCarryAcrossLimbsAsOnTheTable() {
        SplittableRandom random = new SplittableRandom(3);
        Rijndael256Table table = new Rijndael256Table(22, randomInts(random, 8 * 23));
        Rijndael256 vector = new VectorRijndael256(22, table.roundKeyLongs());
        long[] c1 = {-3L, -1L, random.nextLong(), random.nextLong()};
        long[] c2 = c1.clone();
        long[] k1 = new long[4 * 16];
        long[] k2 = new long[4 * 16];
        table.encryptCounters(c1, k1, 16);
        vector.encryptCounters(c2, k2, 16);
        assertThat(k2).isEqualTo(k1);
        assertThat(c2).isEqualTo(c1);
    }

    @Test
    void autoSwitchesBetweenCallsWithoutChangingTheKeystream() {
        SplittableRandom random = new SplittableRandom(9);
        int[] roundKeys = randomInts(random, 8 * 31);
        Rijndael256Table table = new Rijndael256Table(30, roundKeys);
        AutoRijndael256 auto = new AutoRijndael256(30, roundKeys);
        long[] c1 = randomLongs(random, 4);
        long[] c2 = c1.clone();
        for (int call = 0; call < 20; call++) {
            int count = 1 + call % 16;
            long[] k1 = new long[4 * count];
            long[] k2 = new long[4 * count];
            table.encryptCounters(c1, k1, count);
            auto.encryptCounters(c2, k2, count);
            assertThat(k2).as("call %d", call).isEqualTo(k1);
        }
        assertThat(auto.usesVectorRounds()).isEqualTo(VectorRoundsGate.open());
        Rijndael256 copy = auto.copy();
        long[] a = randomLongs(random, 12);
        long[] b = a.clone();
        copy.encrypt(a, 0, 3);
        table.encrypt(b, 0, 3);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void autoKeepsTheTableRoundsUntilTheGateOpens() {
        // a fresh instance asks the gate on every call: before it opens (or on a CPU without VBMI) it must
        // still be on the table
        AutoRijndael256 auto = new AutoRijndael256(22, new int[8 * 23]);
        auto.encrypt(new long[4], 0, 1);
        assertThat(auto.usesVectorRounds()).isEqualTo(VectorRoundsGate.open());
        auto.destroy();
    }

    @Test
    void rcsKnownAnswersHoldOnAutoAfterTheSwitch() {
        RcsKnownAnswerTest kat = new RcsKnownAnswerTest();
        kat.qscKatKmac(BlockPath.AUTO);
        kat.qscKatQmac(BlockPath.AUTO);
        kat.qscKatUnauthenticated(BlockPath.AUTO);
        kat.qsmpDuplexPacketsKmacAndQmac(BlockPath.AUTO);
        kat.qsmpSimplexPacketsKmacAndQmac(BlockPath.AUTO);
    }

    @Test
    void longMessagesMatchTheTablePathThroughRcs() {
        SplittableRandom random = new SplittableRandom(21);
        for (RcsVariant variant : RcsVariant.values()) {
            byte[] key = new byte[variant.keySize()];
            byte[] nonce = new byte[32];
            random.nextBytes(key);
            random.nextBytes(nonce);
            RcsCipher auto = RcsCipher.initialize(variant, MacMode.KMAC, key, nonce, new byte[0], BlockPath.AUTO);
            RcsCipher table = RcsCipher.initialize(variant, MacMode.KMAC, key, nonce, new byte[0], BlockPath.TABLE);
            for (int size : new int[] {1, 31, 32, 33, 63, 64, 65, 511, 512, 513, 16_384, 65_536 + 7}) {
                byte[] msg = new byte[size];
                random.nextBytes(msg);
                byte[] a = new byte[size + auto.tagSize()];
                byte[] b = new byte[size + table.tagSize()];
                auto.encrypt(msg, 0, size, a, 0);
                table.encrypt(msg, 0, size, b, 0);
                assertThat(Arrays.equals(a, b)).as("%s, %d bytes", variant, size).isTrue();
            }
        }
    }

    private static int[] randomInts(SplittableRandom random, int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> random.nextInt());
        return out;
    }

    private static long[] randomLongs(SplittableRandom random, int n) {
        long[] out = new long[n];
        Arrays.setAll(out, i -> random.nextLong());
        return out;
    }
}
