package io.pqagent.qsmp.crypto;

import static io.pqagent.qsmp.crypto.RcsTestMaterial.hex;
import static io.pqagent.qsmp.crypto.RcsTestMaterial.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.CSHAKEDigest;
import org.junit.jupiter.api.Test;

/** QSMP-WIRE §4: cSHAKE at rate 136 and the rate-72 variant, against the §4.4 vectors and Bouncy Castle. */
class CshakeTest {
    private static final byte[] SECA = sequence(0x00, 32);
    private static final byte[] SECB = sequence(0x20, 32);
    private static final byte[] SCH64 = sequence(0x40, 64);
    private static final byte[] SCH32 = sequence(0x40, 32);
    private static final byte[] TOKEN = sequence(0xA0, 32);
    private static final byte[] RTCS_IN = sequence(0x80, 64);

    static byte[] cfg48() {
        return Arrays.copyOf("dilithium-s5_kyber-s5_sha3_rcs".getBytes(StandardCharsets.US_ASCII), 48);
    }

    @Test
    void duplexSessionKeysMatchSection44() {
        // QSMP-WIRE §4.1: rate 72, X = seca, N = sch, S = secb; one stream of 280 bytes
        byte[] out = Cshake.derive(Cshake.RATE_512, SECA, SCH64, SECB, 280);
        assertThat(hex(Arrays.copyOfRange(out, 0, 64))).isEqualToIgnoringCase(
                "316ED5122F04F89D83287AF465D901800306F31C3A0931F2EC0F537F88CEE35C3D0A823D9D679F524417E09D121FD0BEF08046E708B46EF12EBC45B8CCE56177");
        assertThat(hex(Arrays.copyOfRange(out, 64, 96))).isEqualToIgnoringCase(
                "1B9EBB898268EB7779A77ED86876CE1F0959C5E8A0080A11321C1650A9949BE3");
        assertThat(hex(Arrays.copyOfRange(out, 96, 160))).isEqualToIgnoringCase(
                "96EC9F245884B0AB91BE0BD3CC40AABB28B6386531171C7A39A36F941F3A879EBFCE3B10FDCD8A86017B0C72DAA31DBBD574663D5F86B5389CB1B5AC1CAF2682");
        assertThat(hex(Arrays.copyOfRange(out, 160, 192))).isEqualToIgnoringCase(
                "4ECDD97EF5961A0677B1484614B4034085ACA127EBA724891B44FD61B5F09EA8");
        assertThat(hex(Arrays.copyOfRange(out, 216, 280))).isEqualToIgnoringCase(
                "84D7216B1FC6A4062388061306458CD0DE6F77E300DD584D1885245AF56EC790B9408D1BAF4BA60F1FCB013291A78A67C8CA75F777DAA3C86F54B61C1C038866");
    }

    @Test
    void simplexSessionKeysMatchSection44() {
        // QSMP-WIRE §4.2: cSHAKE256, X = sec, N = sch (32), S = empty; 336 bytes
        byte[] out = Cshake.derive(Cshake.RATE_256, SECA, SCH32, new byte[0], 336);
        assertThat(hex(Arrays.copyOfRange(out, 0, 32))).isEqualToIgnoringCase(
                "89252646287A0817669242F4B92940EF8BB6DC8A453B362B142904BCA915A5C9");
        assertThat(hex(Arrays.copyOfRange(out, 32, 64))).isEqualToIgnoringCase(
                "124C76D71604537FD4853099DD8CDAA723F0BC42CCE2BB69E3E79A7CC84115AB");
        assertThat(hex(Arrays.copyOfRange(out, 64, 96))).isEqualToIgnoringCase(
                "3E793B2A82B456D0731A1743A69BEFC86720CF9F6C577E18B724F7D93456F866");
        assertThat(hex(Arrays.copyOfRange(out, 96, 128))).isEqualToIgnoringCase(
                "1F7742302BD04D6BA8C81A09893C89CA73EB81B4D7F50AAF9E4E96329E55DDBF");
        assertThat(hex(Arrays.copyOfRange(out, 272, 336))).isEqualToIgnoringCase(
                "83F821EC92C21532F036B04D252CD8E86B0D7A0F0F41AAFAF27D2DFB544BE5CFABC63ADA70DCA98B713F4DD29A8A4ADFA31A26CCAB2F52C607BE1152524D831A");
    }

    @Test
    void ratchetKeysMatchSection44() {
        // QSMP-WIRE §4.3: rate 72, X = token, N = cfg48 (with NULs), S = rtcs
        byte[] out = Cshake.derive(Cshake.RATE_512, TOKEN, cfg48(), RTCS_IN, 280);
        assertThat(hex(Arrays.copyOfRange(out, 0, 64))).isEqualToIgnoringCase(
                "E1360E2FB324B2BD1945D861AF4ED2ABBE0AC257949A4FD86A51F3DC14AB5E2384FA8EF50BB457B9BBE56C8A52A65B88A24CBDC11C9BBA47D85FCC27B80A33A5");
        assertThat(hex(Arrays.copyOfRange(out, 64, 96))).isEqualToIgnoringCase(
                "1F36372C8DE0591B3D3385FFF91F127C2C4591FB47577E085FD0974EB99AE2E2");
        assertThat(hex(Arrays.copyOfRange(out, 96, 160))).isEqualToIgnoringCase(
                "73965B8AFF8E7851E920B81FA12FA50825D431D30FC672745FEAE857A0F11AB28A1CFA7A2AD4115400B1FE2D3D1F61D57DC398F0EEB1C8337788F62AC4F79174");
        assertThat(hex(Arrays.copyOfRange(out, 160, 192))).isEqualToIgnoringCase(
                "4596CD220A09241A4FCD9A2F19F7E8A143C52BCEDBC39580FD1A45301AA5A1C9");
        assertThat(hex(Arrays.copyOfRange(out, 216, 280))).isEqualToIgnoringCase(
                "A38E9B6C1BCF9D4D8BEA6FA691E4EA2F62F9844382E476B4CC53BAF37F6D97573C0E94DD65CA16A3F592474C968625F3403DAA7074B6149B06DB9452CE04771F");
    }

    @Test
    void sha3OfConfigStringMatchesSection44() {
        assertThat(hex(Sha3.sha512(cfg48()))).isEqualToIgnoringCase(
                "B70FB913684D36696A744A80662E0AC72F15D068674A6EC9E2C4447D56EF7F90BE546B6D5E45E5E0FB19236348A9D45F8AF2329DCC488C9A156953F483BEE3E4");
    }

    @Test
    void rate136EqualsBouncyCastleCshake256() {
        Random random = new Random(136);
        for (int trial = 0; trial < 200; trial++) {
            byte[] x = randomBytes(random, random.nextInt(400));
            byte[] n = randomBytes(random, 1 + random.nextInt(80));
            byte[] s = randomBytes(random, random.nextInt(80));
            int outLength = random.nextInt(600);
            CSHAKEDigest bc = new CSHAKEDigest(256, n, s);
            bc.update(x, 0, x.length);
            byte[] expected = new byte[outLength];
            bc.doOutput(expected, 0, outLength);
            assertThat(Cshake.derive(Cshake.RATE_256, x, n, s, outLength))
                    .as("trial %d (|x|=%d |N|=%d |S|=%d out=%d)", trial, x.length, n.length, s.length, outLength)
                    .isEqualTo(expected);
        }
    }

    @Test
    void outputIsOneContiguousStream() {
        byte[] longOut = Cshake.derive(Cshake.RATE_512, SECA, SCH64, SECB, 1000);
        for (int len : new int[] {0, 1, 71, 72, 73, 216, 280}) {
            assertThat(Cshake.derive(Cshake.RATE_512, SECA, SCH64, SECB, len)).isEqualTo(Arrays.copyOf(longOut, len));
        }
    }

    @Test
    void rejectsUnsupportedRateAndNegativeLength() {
        assertThatThrownBy(() -> Cshake.derive(168, SECA, SCH32, SECB, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("136 or 72");
        assertThatThrownBy(() -> Cshake.derive(136, SECA, SCH32, SECB, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
