package io.pqagent.qsmp.crypto;

import static io.pqagent.qsmp.crypto.RcsTestMaterial.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** QSMP-WIRE §5.7 (QSC's own RCS KATs) and §5.8 (QSMP-level packets), on both block paths. */
class RcsKnownAnswerTest {
    private static final byte[] KEY256 = hex("000102030405060708090A0B0C0D0E0F000102030405060708090A0B0C0D0E0F");
    private static final byte[] KEY512 = concat(KEY256, KEY256);
    private static final byte[] MSG256 = KEY256;
    private static final byte[] MSG512 = hex("000102030405060708090A0B0C0D0E0F000102030405060708090A0B0C0D0E0F"
            + "101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F");
    private static final byte[] NONCE = hex("FFFEFDFCFBFAF9F8F7F6F5F4F3F2F1F0DFDEDDDCDBDAD9D8D7D6D5D4D3D2D1D0");
    private static final byte[] AD = filled(20, 0x01);

    private static final String CT256_1 = "7940917E9219A31248946F71647B15421535941574F84F79F6110C1F2F776D03";
    private static final String CT256_2 = "ABF3574126DAA563B423B0EEEE9970FD0C8F060F65CB00CDC05BB0DC047DB2AD";
    private static final String CT512_1 = "21E97A126E35BE731EF204E48248A2EEB01B692992F73786602F21031FBFB7C8"
            + "A1CF250F2EC948D5985B92667349B72EFA751048AF0B919AE9E16F177F5C97F2";
    private static final String CT512_2 = "388270BF8DF03483BB287FFA527D81403F0362210FD525657C8541250DFFE3BA"
            + "D1285FAB37A6821DA524F3F7FF7EFCB39C5B59E3897B177E45D6AA7F4BB5BE77";

    @ParameterizedTest
    @EnumSource(BlockPath.class)
    void qscKatKmac(BlockPath path) {
        qscKat(RcsVariant.RCS256, MacMode.KMAC, path,
                CT256_1 + "F38582F301390A6B8807C75914CE0CF410051D73CAE97D1D295CB0420146E179",
                CT256_2 + "A2A39BEB441FCD4C5F83F1142F264EEFCBAAA51D7874A0E7DA0A7B285DFD55AA");
        qscKat(RcsVariant.RCS512, MacMode.KMAC, path,
                CT512_1 + "C40E0D50727DC9528664F656270E99A4857D7A2C28F965EB9956658145AC9868"
                        + "F3FDE25C39EC9EEF0C6A7ED955CB3C2F44286CD253C9BE0CF3F389313C47E4B2",
                CT512_2 + "9CB2429F4693DF70D38DBBCB00EE86172435C117D442171A8485A87BF1D7282F"
                        + "2D69032C85F1CD1A1FEE794843E0CED7616722A4B0937210E9023220B085EA18");
    }

    @ParameterizedTest
    @EnumSource(BlockPath.class)
    void qscKatQmac(BlockPath path) {
        qscKat(RcsVariant.RCS256, MacMode.QMAC, path,
                CT256_1 + "6546BA4893C00FC5CCECB28F5B8580DEBBED6AE0F14015C3716A86526FA54F9C",
                CT256_2 + "6ADCD16F5C5F96BB1984419DE6EDADE438710329C7BC30AC6FC25307EC9DB667");
        qscKat(RcsVariant.RCS512, MacMode.QMAC, path,
                CT512_1 + "72E3A325FA0F62F91580EAFAB104F7BED0D3B9A9FC17A8E69BCA090DBEA6CB76",
                CT512_2 + "6D714E62EDB8571B72B8D5E94B2F4E42E46EEF3DBBECFFF894759881EDA744AA");
    }

    @ParameterizedTest
    @EnumSource(BlockPath.class)
    void qscKatUnauthenticated(BlockPath path) {
        RcsCipher c256 = RcsCipher.initialize(RcsVariant.RCS256, MacMode.NONE, KEY256, NONCE, new byte[0], path);
        byte[] out = new byte[32];
        c256.encrypt(MSG256, 0, 32, out, 0);
        assertThat(hex(out)).isEqualToIgnoringCase("9EF7D04279C5277366D2DDD3FBB47F0DFCB3994D6F43D7F3A782778838C56DB3");
        RcsCipher c512 = RcsCipher.initialize(RcsVariant.RCS512, MacMode.NONE, KEY512, NONCE, new byte[0], path);
        out = new byte[64];
        c512.encrypt(MSG512, 0, 64, out, 0);
        assertThat(hex(out)).isEqualToIgnoringCase("8643251F3880261010BF195886C0496CC2EB07BB68D9F13BCBD266890467F47F"
                + "57FA98C08031903D6539AC94B4F17E3A45A741159FF929B0540436FFE7A77E01");
    }

    private static void qscKat(RcsVariant variant, MacMode mac, BlockPath path, String exp1, String exp2) {
        byte[] key = variant == RcsVariant.RCS256 ? KEY256 : KEY512;
        byte[] msg = variant == RcsVariant.RCS256 ? MSG256 : MSG512;
        RcsCipher enc = RcsCipher.initialize(variant, mac, key, NONCE, new byte[0], path);
        enc.setAssociated(AD, 0, AD.length);
        byte[] out1 = new byte[msg.length + enc.tagSize()];
        enc.encrypt(msg, 0, msg.length, out1, 0);
        byte[] out2 = new byte[msg.length + enc.tagSize()];
        enc.encrypt(msg, 0, msg.length, out2, 0);
        assertThat(hex(out1)).as("%s %s exp1", variant, mac).isEqualToIgnoringCase(exp1);
        assertThat(hex(out2)).as("%s %s exp2 (chained, no new AD)", variant, mac).isEqualToIgnoringCase(exp2);

        // decryption check: re-initialise, same AD, decrypt exp1
        RcsCipher dec = RcsCipher.initialize(variant, mac, key, NONCE, new byte[0], path);
        dec.setAssociated(AD, 0, AD.length);
        byte[] pt = new byte[msg.length];
        assertThat(dec.decrypt(out1, 0, msg.length, out1, msg.length, pt, 0)).isTrue();
        assertThat(pt).isEqualTo(msg);
        assertThat(dec.decrypt(out2, 0, msg.length, out2, msg.length, pt, 0)).isTrue();
        assertThat(pt).isEqualTo(msg);
    }

    // ---- QSMP-WIRE §5.8: keys from §4.4, T = 0x68EAF2F5 ----

    private static final byte[] DUPLEX_K1 = hex("316ED5122F04F89D83287AF465D901800306F31C3A0931F2EC0F537F88CEE35C"
            + "3D0A823D9D679F524417E09D121FD0BEF08046E708B46EF12EBC45B8CCE56177");
    private static final byte[] DUPLEX_N1 = hex("1B9EBB898268EB7779A77ED86876CE1F0959C5E8A0080A11321C1650A9949BE3");
    private static final byte[] SIMPLEX_K1 = hex("89252646287A0817669242F4B92940EF8BB6DC8A453B362B142904BCA915A5C9");
    private static final byte[] SIMPLEX_N1 = hex("124C76D71604537FD4853099DD8CDAA723F0BC42CCE2BB69E3E79A7CC84115AB");

    private record Packet(String header, byte[] plaintext, String ciphertext, String kmacTag, String qmacTag) {
    }

    private static final Packet[] DUPLEX = {
        new Packet("09800000000200000000000000F5F2EA6800000000", RcsTestMaterial.sequence(0x40, 64),
                "0F17CE2CE2EE255B983778FEB51E42E3BBA23068AFE86530C27252DD38A7AFE3"
                        + "F31B2F11A88260622B214701FDA0E4A3CB4C8E22AFED1771E85999EA1F09A1C7",
                "29257A242102C41C72E38FFFF571E849237CBD3628F1C268D326B981AA2C2323"
                        + "855C4CFD655E9633553DF3ED22A7998AF5B1B2E77B6F997DB9E997BFA92EB78B",
                "1C5C94FC030C088D4CFCB640469C07414210D61A47804629CDF7011E46BA8EDF"),
        new Packet("04450000000400000000000000F5F2EA6800000000", "hello".getBytes(StandardCharsets.US_ASCII),
                "CEC18C6C2A",
                "69B156752A061D4637D599BAC078CD1FC5B0AE14E6F814F966FAC3770B5CFF4F"
                        + "613B890AC6A53541D619E3C727491879E6316251BB2D78ED008D3F190288A7BA",
                "5D7B65AB5A0E576430EDD744B1BD5C5E8AB14811DF97C300553FFCFF6236760B"),
        // length 4: (4 + 65) mod 72 = 69 -> the KMAC finalize quirk
        new Packet("04440000000500000000000000F5F2EA6800000000", new byte[] {1, 2, 3, 4},
                "863A2330",
                "66C6917D51770B632FD234FB0DC3687D124C0CDE51803ECF648BA759194A9AAF"
                        + "AFD979EADF57ECB1730FC6CC46386BDDCDD61AB8F8F978615CEFF5F83FE76261",
                "2592C0FB0C121539F6BB0668AA8F88CF15A75BDB42E076B8E533DAD3525D2BAB"),
    };

    private static final Packet[] SIMPLEX = {
        new Packet("04250000000300000000000000F5F2EA6800000000", "hello".getBytes(StandardCharsets.US_ASCII),
                "B30B9E1516",
                "8630C7AC5F5449469254020889B161D218BE9F3DE80518C3977AA5EB2D092023",
                "25436BBCAA922ABF02E50C137FED6B18BBCA901FEC0E7EA3C85633407DFF3789"),
        // length 68: (68 + 65) mod 136 = 133 -> the KMAC finalize quirk
        new Packet("04640000000400000000000000F5F2EA6800000000", RcsTestMaterial.sequence(0x00, 68),
                "5AA767091166623A7FC49343017BFCB9D4B41ABA0CDD3DB8F37EDB2C9F522B53"
                        + "2B0C6BE2FAB257BD3D6D5B9670DB76B753141F82C79AD8B81B970C7963D95396778C6512",
                "8EC631E8860B8B5706013BE4C38E583F589DBA251ECD2A84E68E1403530D7331",
                "4F1795BC1C46A0508E99CFD0ECF05E2977D01F67DC71D93D057C4F1A842C9C14"),
    };

    @ParameterizedTest
    @EnumSource(BlockPath.class)
    void qsmpDuplexPacketsKmacAndQmac(BlockPath path) {
        qsmpPackets(RcsVariant.RCS512, DUPLEX_K1, DUPLEX_N1, DUPLEX, path);
    }

    @ParameterizedTest
    @EnumSource(BlockPath.class)
    void qsmpSimplexPacketsKmacAndQmac(BlockPath path) {
        qsmpPackets(RcsVariant.RCS256, SIMPLEX_K1, SIMPLEX_N1, SIMPLEX, path);
    }

    private static void qsmpPackets(RcsVariant variant, byte[] key, byte[] nonce, Packet[] packets, BlockPath path) {
        for (MacMode mac : new MacMode[] {MacMode.KMAC, MacMode.QMAC}) {
            RcsCipher tx = RcsCipher.initialize(variant, mac, key, nonce, new byte[0], path);
            RcsCipher rx = RcsCipher.initialize(variant, mac, key, nonce, new byte[0], path);
            for (int i = 0; i < packets.length; i++) {
                Packet p = packets[i];
                byte[] header = hex(p.header());
                byte[] out = new byte[p.plaintext().length + tx.tagSize()];
                tx.setAssociated(header, 0, header.length);
                tx.encrypt(p.plaintext(), 0, p.plaintext().length, out, 0);
                int len = p.plaintext().length;
                String expectedTag = mac == MacMode.KMAC ? p.kmacTag() : p.qmacTag();
                assertThat(hex(Arrays.copyOf(out, len))).as("%s %s packet %d ct", variant, mac, i + 1)
                        .isEqualToIgnoringCase(p.ciphertext());
                assertThat(hex(Arrays.copyOfRange(out, len, out.length))).as("%s %s packet %d tag", variant, mac, i + 1)
                        .isEqualToIgnoringCase(expectedTag);

                byte[] back = new byte[len];
                rx.setAssociated(header, 0, header.length);
                assertThat(rx.decrypt(out, 0, len, out, len, back, 0)).as("packet %d decrypts", i + 1).isTrue();
                assertThat(back).isEqualTo(p.plaintext());
            }
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
