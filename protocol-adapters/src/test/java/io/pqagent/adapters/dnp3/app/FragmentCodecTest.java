package io.pqagent.adapters.dnp3.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Fragments built by hand from IEEE 1815's layouts, decoded and re-encoded octet for octet. */
class FragmentCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void integrityPollIsClass1230Read() throws Exception {
        // AC C3 (FIR FIN, seq 3), READ, g60v2 q06, g60v3 q06, g60v4 q06, g60v1 q06
        byte[] wire = HEX.parseHex("c3013c02063c03063c04063c0106");
        AppRequest r = AppRequest.decode(wire);
        assertThat(r.control()).isEqualTo(AppControl.request(3));
        assertThat(r.function()).isEqualTo(FunctionCode.READ);
        assertThat(r.objects()).extracting(b -> b.header().variation()).containsExactly(2, 3, 4, 1);
        assertThat(r.objects()).allSatisfy(b -> assertThat(b.header().qualifier()).isEqualTo(Qualifier.ALL));
        assertThat(new AppRequest(AppControl.request(3), FunctionCode.READ, List.of(
                ObjectBlock.of(ObjectHeader.all(60, 2)), ObjectBlock.of(ObjectHeader.all(60, 3)),
                ObjectBlock.of(ObjectHeader.all(60, 4)), ObjectBlock.of(ObjectHeader.all(60, 1)))).encode())
                .isEqualTo(wire);
    }

    @Test
    void selectOfALatchOnCrobAtIndexOne() throws Exception {
        // AC C5, SELECT, g12v1 q17 count 1, index 1, code 03 (LATCH_ON), count 1, on 0, off 0, status 0
        byte[] wire = HEX.parseHex("c5030c011701" + "01" + "0301" + "00000000" + "00000000" + "00");
        AppRequest r = AppRequest.decode(wire);
        assertThat(r.function()).isEqualTo(FunctionCode.SELECT);
        ObjectBlock b = r.objects().get(0);
        assertThat(b.header().qualifier()).isEqualTo(Qualifier.INDEXED_COUNT_8);
        assertThat(b.points()).containsExactly(new IndexedValue(1, Crob.latch(true)));
        assertThat(new AppRequest(AppControl.request(5), FunctionCode.SELECT, List.of(
                ObjectBlock.indexed(ObjectVariation.G12V1, List.of(new IndexedValue(1, Crob.latch(true))))))
                .encode()).isEqualTo(wire);
    }

    @Test
    void directOperateWithTwoOctetIndexes() throws Exception {
        // g12v1 q28 count 1 index 300: PULSE_ON CLOSE (0x41), count 1, on 1000 ms, off 0
        byte[] wire = HEX.parseHex("c1050c0128" + "0100" + "2c01" + "4101" + "e8030000" + "00000000" + "00");
        Crob c = (Crob) AppRequest.decode(wire).objects().get(0).objects().get(0);
        assertThat(c.code().operationType()).isEqualTo(ControlCode.PULSE_ON);
        assertThat(c.code().tripClose()).isEqualTo(ControlCode.TCC_CLOSE);
        assertThat(c.code().requestedState()).contains(true);
        assertThat(c.onTimeMs()).isEqualTo(1000);
        assertThat(AppRequest.decode(wire).objects().get(0).index(0)).isEqualTo(300);
    }

    @Test
    void responseWithIinStaticDataAndEvents() throws Exception {
        String hex = "e0" + "81" + "0201"   // FIR FIN CON seq 0, RESPONSE, IIN1 class 1 events, IIN2 no func support
                + "010200" + "0001" + "81" + "01"        // g1v2 q00 0..1: ONLINE|state, ONLINE
                + "1e0500" + "0000" + "01" + "0000c03f"  // g30v5 q00 0..0: ONLINE, 1.5f
                + "020217" + "01" + "03" + "81" + "102700000000"; // g2v2 q17 1 obj idx 3: on at 10000 ms
        AppResponse r = AppResponse.decode(HEX.parseHex(hex));
        assertThat(r.control()).isEqualTo(new AppControl(true, true, true, false, 0));
        assertThat(r.iin().has(IinBit.CLASS_1_EVENTS)).isTrue();
        assertThat(r.iin().has(IinBit.NO_FUNC_CODE_SUPPORT)).isTrue();
        assertThat(r.objects().get(0).points()).containsExactly(new IndexedValue(0, BinaryPoint.online(true)),
                new IndexedValue(1, BinaryPoint.online(false)));
        assertThat(r.objects().get(1).points()).containsExactly(new IndexedValue(0, AnalogPoint.online(1.5)));
        assertThat(r.objects().get(2).points()).containsExactly(new IndexedValue(3,
                new BinaryPoint(PointFlags.ONLINE, true, OptionalLong.of(10_000))));
        assertThat(HEX.formatHex(r.encode())).isEqualTo(hex);
    }

    @Test
    void everySupportedVariationRoundTrips() throws Exception {
        for (ObjectVariation v : ObjectVariation.values()) {
            if (v.kind() == ObjectVariation.Kind.CLASS) {
                continue;
            }
            DnpObject o = sample(v);
            AppResponse r = new AppResponse(new AppControl(true, true, false, false, 1), FunctionCode.RESPONSE, Iin.NONE,
                    List.of(v.packed() ? ObjectBlock.range(v, 250, List.of(o, o, o, o, o, o, o, o, o))
                            : ObjectBlock.indexed(v, List.of(new IndexedValue(7, o), new IndexedValue(300, o)))));
            byte[] wire = r.encode();
            assertThat(AppResponse.decode(wire)).as(v.toString()).isEqualTo(r);
            int perObject = v.packed() ? 0 : v.size();
            assertThat(wire.length).as(v + " size").isEqualTo(4 + 3 + (v.packed() ? 4 + 2 : 2 + 2 * (2 + perObject)));
        }
    }

    @Test
    void integerAnalogsBeyondTheirWidthAreClampedAndFlaggedOverRange() throws Exception {
        AppResponse r = new AppResponse(new AppControl(true, true, false, false, 0), FunctionCode.RESPONSE, Iin.NONE,
                List.of(ObjectBlock.range(ObjectVariation.G30V2, 0, List.of(AnalogPoint.online(40_000)))));
        AnalogPoint back = (AnalogPoint) AppResponse.decode(r.encode()).objects().get(0).objects().get(0);
        assertThat(back.value()).isEqualTo(32_767);
        assertThat(back.flags()).isEqualTo(PointFlags.ONLINE | PointFlags.OVER_RANGE);
    }

    @Test
    void badFragmentsFailWithAMessageThatSaysWhere() {
        assertFails("c3", "function code needs 1 octets at offset 1");
        assertFails("c37f", "function code 0x7F is not defined");
        assertFails("c381", "RESPONSE is sent by outstations");
        assertFails("c3003c", "CONFIRM carries no objects");
        assertFails("c3013c0209", "qualifier 0x09 is not supported");
        assertFails("c3011e010005", "g30v1 at offset 2 stop index needs 1 octets at offset 6");
        assertFails("c3011e01000502", "start index 5 above stop index 2");
        assertFails("c3050c01170201", "g12v1 at offset 2: 2 objects needs 24 octets");
        assertFails("c3050c0106", "qualifier 0x06 names objects without carrying them");
        assertFails("c302320107010000000000", "object g50v1 is not supported");
        assertFails("c302010117010000", "packed objects cannot carry index prefixes");
    }

    @Test
    void aReadNamesIndexesWithoutObjects() throws Exception {
        AppRequest r = AppRequest.decode(HEX.parseHex("c1011e0028020005000900"));
        assertThat(r.objects().get(0).prefixes()).containsExactly(5, 9);
        assertThat(r.objects().get(0).objects()).isEmpty();
        assertThat(AppRequest.decode(HEX.parseHex("c101fefe0000ff")).objects().get(0).header().range())
                .as("READ of an object this codec does not know still parses: headers only")
                .isEqualTo(new ObjectRange.StartStop(0, 255));
    }

    private static void assertFails(String hex, String message) {
        assertThatThrownBy(() -> AppRequest.decode(HEX.parseHex(hex))).isInstanceOf(AppParseException.class)
                .hasMessageContaining(message);
    }

    private static DnpObject sample(ObjectVariation v) {
        OptionalLong time = v.hasTime() ? OptionalLong.of(1_700_000_000_123L) : OptionalLong.empty();
        int flags = v.hasFlags() ? PointFlags.ONLINE | PointFlags.LOCAL_FORCED : PointFlags.ONLINE;
        return switch (v.kind()) {
            case BINARY -> new BinaryPoint(v.packed() ? PointFlags.ONLINE : flags, true, time);
            case COUNTER -> new CounterPoint(flags, v.value() == ObjectVariation.Value.U16 ? 65_000 : 4_000_000_000L, time);
            case ANALOG -> new AnalogPoint(flags, v.value() == ObjectVariation.Value.I16 ? -1234 : -123456, time);
            case CROB -> new Crob(ControlCode.of(ControlCode.PULSE_ON, ControlCode.TCC_TRIP), 3, 500, 250,
                    CommandStatus.NOT_SUPPORTED);
            case ANALOG_OUTPUT -> new AnalogOutputBlock(-42, CommandStatus.LOCAL);
            default -> throw new AssertionError(v);
        };
    }
}
