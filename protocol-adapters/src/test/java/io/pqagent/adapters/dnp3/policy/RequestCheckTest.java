package io.pqagent.adapters.dnp3.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.adapters.dnp3.app.AppControl;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.IndexedValue;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectHeader;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import io.pqagent.adapters.dnp3.master.MasterRequests;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RequestCheckTest {
    private final RequestCheck check = new RequestCheck(PolicyReader.read("plc", Map.of(
            "allow", List.of("READ"),
            "allow-objects", List.of(Map.of("functions", List.of("SELECT", "OPERATE"), "group", 12, "indexes", List.of("0-1", 5)),
                    Map.of("functions", "DIRECT_OPERATE", "group", 12, "indexes", 7)))).service());

    @Test
    void readAndConfirmPassOnTheirFunctionCode() {
        assertThat(check.check(request(FunctionCode.READ, MasterRequests.integrityPoll())).allowed()).isTrue();
        assertThat(check.check(request(FunctionCode.CONFIRM, List.of())).allowed()).isTrue();
        assertThat(check.check(HexFormat.of().parseHex("c101fefe0000ff")).allowed())
                .as("a READ allowed as a function passes whatever it reads").isTrue();
    }

    @Test
    void controlsPassOnlyOnListedIndexes() {
        assertThat(check.check(request(FunctionCode.SELECT, MasterRequests.crob(5, Crob.latch(true)))).allowed()).isTrue();
        assertThat(check.check(request(FunctionCode.OPERATE, MasterRequests.crob(1, Crob.latch(true)))).allowed()).isTrue();
        Verdict v = check.check(request(FunctionCode.SELECT, MasterRequests.crob(2, Crob.latch(true))));
        assertThat(v).isEqualTo(new Verdict(false, "SELECT", OptionalInt.of(12), "2", "SELECT on g12v1 index 2 is not allowed"));
        assertThat(check.check(request(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(7, Crob.latch(true)))).allowed()).isTrue();
        assertThat(check.check(request(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(1, Crob.latch(true)))).reason())
                .isEqualTo("DIRECT_OPERATE on g12v1 index 1 is not allowed");
    }

    @Test
    void oneBadObjectDeniesTheWholeRequest() {
        List<ObjectBlock> two = List.of(ObjectBlock.indexed(ObjectVariation.G12V1, List.of(
                new IndexedValue(0, Crob.latch(true)), new IndexedValue(9, Crob.latch(true)))));
        Verdict v = check.check(request(FunctionCode.SELECT, two));
        assertThat(v.allowed()).isFalse();
        assertThat(v.index()).isEqualTo("9");
        assertThat(v.fields()).containsEntry("function", "SELECT").containsEntry("group", 12).containsEntry("index", "9");
    }

    @Test
    void anythingThatCannotBeCheckedIsDenied() {
        assertThat(check.check(request(FunctionCode.WRITE, List.of()))).isEqualTo(Verdict.deny("WRITE", "function WRITE is not allowed"));
        assertThat(check.check(request(FunctionCode.DIRECT_OPERATE_NR, MasterRequests.crob(3, Crob.latch(false)))))
                .as("a denied function still names the object it was aimed at")
                .isEqualTo(Verdict.deny("DIRECT_OPERATE_NR", 12, "3", "function DIRECT_OPERATE_NR is not allowed"));
        assertThat(check.check(request(FunctionCode.SELECT, List.of())).reason())
                .isEqualTo("SELECT without objects matches no allow-objects entry");
        assertThat(check.check(request(FunctionCode.SELECT, List.of(ObjectBlock.indexed(ObjectVariation.G41V1,
                List.of(new IndexedValue(0, new io.pqagent.adapters.dnp3.app.AnalogOutputBlock(1,
                        io.pqagent.adapters.dnp3.app.CommandStatus.SUCCESS)))))))
                .reason()).isEqualTo("SELECT on g41v1 is not allowed");
        assertThat(check.check(HexFormat.of().parseHex("c1030c0117020001")).reason())
                .startsWith("objects cannot be checked: g12v1 at offset 2: 2 objects needs 24 octets");
        assertThat(check.check(HexFormat.of().parseHex("c37f")).reason()).isEqualTo("not a request: function code 0x7F is not defined");
        assertThat(check.check(new byte[] {(byte) 0xC1}).allowed()).isFalse();
        assertThat(check.check(request(FunctionCode.SELECT, List.of(ObjectBlock.range(ObjectVariation.G12V1, 0,
                List.of(Crob.latch(true), Crob.latch(true), Crob.latch(true)))))).reason())
                .isEqualTo("SELECT on g12v1 index 2 is not allowed");
    }

    @Test
    void aRuleWithoutIndexesAllowsAnyButARuleWithIndexesNeedsThemNamed() {
        RequestCheck any = new RequestCheck(PolicyReader.read("plc", Map.of("allow-objects",
                Map.of("functions", "READ", "group", 30))).service());
        assertThat(any.check(request(FunctionCode.READ, List.of(ObjectBlock.of(ObjectHeader.all(30, 0))))).allowed()).isTrue();
        assertThat(any.check(request(FunctionCode.READ, List.of(ObjectBlock.of(ObjectHeader.all(60, 1))))).allowed()).isFalse();
        RequestCheck listed = new RequestCheck(PolicyReader.read("plc", Map.of("allow-objects",
                Map.of("functions", "READ", "group", 30, "indexes", "0-9"))).service());
        Verdict all = listed.check(request(FunctionCode.READ, List.of(ObjectBlock.of(ObjectHeader.all(30, 0)))));
        assertThat(all.allowed()).isFalse();
        assertThat(all.index()).isEqualTo("all");
    }

    private static byte[] request(FunctionCode f, List<ObjectBlock> objects) {
        return new AppRequest(AppControl.request(4), f, objects).encode();
    }
}
