package io.pqagent.adapters.dnp3.outstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.adapters.dnp3.app.AnalogPoint;
import io.pqagent.adapters.dnp3.app.AppControl;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.AppResponse;
import io.pqagent.adapters.dnp3.app.BinaryPoint;
import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.IinBit;
import io.pqagent.adapters.dnp3.app.IndexedValue;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectHeader;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import io.pqagent.adapters.dnp3.master.MasterRequests;
import io.pqagent.adapters.dnp3.master.PollResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The outstation's application layer, fragment in, fragment out, with a clock moved by hand. */
class OutstationTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MemoryDataModel model = new MemoryDataModel(3, 2, 1, 2);
    private final Outstation outstation = new Outstation(OutstationConfig.defaults(10), model, clock);
    private int seq;

    @Test
    void anIntegrityPollReportsEveryPointAsStaticData() throws Exception {
        model.set(() -> {
            model.binaryInputs[1] = true;
            model.analogInputs[0] = 12.5;
            model.counters[0] = 77;
        });
        outstation.scan(); // the change above is an event now; the integrity poll reports it and the values
        AppResponse r = send(FunctionCode.READ, MasterRequests.integrityPoll()).orElseThrow();
        PollResult p = new PollResult(r.iin(), r.objects());
        assertThat(p.binaryInputs()).hasSize(3).containsEntry(1, BinaryPoint.online(true));
        assertThat(p.binaryOutputs()).hasSize(2);
        assertThat(p.analogInputs()).containsEntry(0, AnalogPoint.online(12.5));
        assertThat(p.counters().get(0).value()).isEqualTo(77);
        assertThat(p.events()).hasSize(3);
        assertThat(r.control().con()).as("events reported: confirm asked").isTrue();
    }

    @Test
    void eventsStayUntilConfirmedAndTheClassBitsSaySo() throws Exception {
        AppResponse first = send(FunctionCode.READ, MasterRequests.eventPoll()).orElseThrow();
        assertThat(first.objects()).isEmpty();
        assertThat(first.control().con()).isFalse();
        model.set(() -> model.binaryInputs[2] = true);
        clock.advance(Duration.ofSeconds(3));
        AppResponse integrity = send(FunctionCode.READ, List.of(ObjectBlock.of(ObjectHeader.all(60, 1)))).orElseThrow();
        assertThat(integrity.iin().has(IinBit.CLASS_1_EVENTS)).as("a class 0 read leaves the event pending").isTrue();

        AppResponse events = send(FunctionCode.READ, MasterRequests.eventPoll()).orElseThrow();
        assertThat(events.control().con()).isTrue();
        assertThat(events.iin().has(IinBit.CLASS_1_EVENTS)).as("all pending events are in this response").isFalse();
        assertThat(new PollResult(events.iin(), events.objects()).events()).singleElement().satisfies(e -> {
            assertThat(e.variation()).isEqualTo(ObjectVariation.G2V2);
            assertThat(e.index()).isEqualTo(2);
            assertThat(e.value()).isEqualTo(new BinaryPoint(1, true, OptionalLong.of(clock.millis())));
        });
        // not confirmed: the next poll reports it again; confirmed: gone
        AppResponse again = send(FunctionCode.READ, MasterRequests.eventPoll()).orElseThrow();
        assertThat(again.objects()).hasSize(1);
        assertThat(send(new AppControl(true, true, false, false, again.control().sequence()), FunctionCode.CONFIRM,
                List.of())).isEmpty();
        assertThat(send(FunctionCode.READ, MasterRequests.eventPoll()).orElseThrow().objects()).isEmpty();
    }

    @Test
    void selectThenOperateWithTheNextSequenceOperatesOnce() throws Exception {
        List<ObjectBlock> crob = MasterRequests.crob(1, Crob.latch(true));
        assertThat(status(send(FunctionCode.SELECT, crob))).isEqualTo(CommandStatus.SUCCESS);
        assertThat(model.operations).as("SELECT does not act").isEmpty();
        assertThat(status(send(FunctionCode.OPERATE, crob))).isEqualTo(CommandStatus.SUCCESS);
        assertThat(model.operations).containsExactly("1=true");
        assertThat(status(send(FunctionCode.OPERATE, crob))).as("a SELECT is good for one OPERATE")
                .isEqualTo(CommandStatus.NO_SELECT);
        assertThat(outstation.stats().operates()).isEqualTo(1);
        assertThat(outstation.stats().selects()).isEqualTo(1);
    }

    @Test
    void operateWithoutAMatchingSelectIsRefused() throws Exception {
        assertThat(status(send(FunctionCode.OPERATE, MasterRequests.crob(0, Crob.latch(true)))))
                .isEqualTo(CommandStatus.NO_SELECT);
        send(FunctionCode.SELECT, MasterRequests.crob(0, Crob.latch(true)));
        assertThat(status(send(FunctionCode.OPERATE, MasterRequests.crob(0, Crob.latch(false)))))
                .as("different objects").isEqualTo(CommandStatus.NO_SELECT);
        send(FunctionCode.SELECT, MasterRequests.crob(0, Crob.latch(true)));
        send(FunctionCode.READ, MasterRequests.eventPoll());
        assertThat(status(send(FunctionCode.OPERATE, MasterRequests.crob(0, Crob.latch(true)))))
                .as("another request in between").isEqualTo(CommandStatus.NO_SELECT);
        send(FunctionCode.SELECT, MasterRequests.crob(0, Crob.latch(true)));
        seq = AppControl.next(seq);
        assertThat(status(send(FunctionCode.OPERATE, MasterRequests.crob(0, Crob.latch(true)))))
                .as("sequence not the SELECT's + 1").isEqualTo(CommandStatus.NO_SELECT);
        assertThat(model.operations).isEmpty();
    }

    @Test
    void anOperateAfterTheSelectTimeoutTimesOut() throws Exception {
        send(FunctionCode.SELECT, MasterRequests.crob(0, Crob.latch(true)));
        clock.advance(Duration.ofMillis(5_001));
        assertThat(status(send(FunctionCode.OPERATE, MasterRequests.crob(0, Crob.latch(true)))))
                .isEqualTo(CommandStatus.TIMEOUT);
        assertThat(model.operations).isEmpty();
    }

    @Test
    void directOperateActsAtOnceAndAMissingPointIsAParameterError() throws Exception {
        assertThat(status(send(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(0, Crob.latch(true)))))
                .isEqualTo(CommandStatus.SUCCESS);
        assertThat(model.binaryOutputs[0]).isTrue();
        AppResponse missing = send(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(9, Crob.latch(true))).orElseThrow();
        assertThat(status(Optional.of(missing))).isEqualTo(CommandStatus.NOT_SUPPORTED);
        assertThat(missing.iin().has(IinBit.PARAMETER_ERROR)).isTrue();
        assertThat(send(FunctionCode.DIRECT_OPERATE_NR, MasterRequests.crob(1, Crob.latch(true)))).isEmpty();
        assertThat(model.operations).containsExactly("0=true", "1=true");
    }

    @Test
    void unsupportedFunctionsAndObjectsAreAnsweredWithIin2() throws Exception {
        assertThat(send(FunctionCode.COLD_RESTART, List.of()).orElseThrow().iin().has(IinBit.NO_FUNC_CODE_SUPPORT)).isTrue();
        assertThat(outstation.handle(HexFormat.of().parseHex("c37f")).map(this::decode).orElseThrow().iin()
                .has(IinBit.NO_FUNC_CODE_SUPPORT)).isTrue();
        assertThat(send(FunctionCode.READ, List.of(ObjectBlock.of(ObjectHeader.all(50, 1)))).orElseThrow().iin()
                .has(IinBit.OBJECT_UNKNOWN)).isTrue();
        assertThat(send(FunctionCode.DIRECT_OPERATE, List.of(ObjectBlock.indexed(ObjectVariation.G41V1,
                List.of(new IndexedValue(0, new io.pqagent.adapters.dnp3.app.AnalogOutputBlock(5, CommandStatus.SUCCESS))))))
                .orElseThrow().iin().has(IinBit.OBJECT_UNKNOWN)).isTrue();
        assertThat(outstation.handle(HexFormat.of().parseHex("c3011e0100")).map(this::decode).orElseThrow().iin()
                .has(IinBit.PARAMETER_ERROR)).isTrue();
    }

    @Test
    void aFullEventBufferLosesTheOldestAndSaysSo() throws Exception {
        Outstation small = new Outstation(new OutstationConfig(10, Duration.ofSeconds(5), 2048, 2, 16), model, clock);
        for (int i = 1; i <= 3; i++) {
            double v = i;
            model.set(() -> model.analogInputs[0] = v);
            small.scan();
        }
        AppResponse r = decode(small.handle(new AppRequest(AppControl.request(0), FunctionCode.READ,
                MasterRequests.eventPoll()).encode()).orElseThrow());
        assertThat(r.iin().has(IinBit.EVENT_BUFFER_OVERFLOW)).isTrue();
        assertThat(new PollResult(r.iin(), r.objects()).events()).extracting(e -> ((AnalogPoint) e.value()).value())
                .containsExactly(2.0, 3.0);
    }

    @Test
    void aModelTooLargeForOneFragmentIsRefused() {
        assertThatThrownBy(() -> new Outstation(OutstationConfig.defaults(10), new MemoryDataModel(0, 500, 0, 0), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one fragment of 2048");
    }

    private Optional<AppResponse> send(FunctionCode f, List<ObjectBlock> objects) {
        AppControl c = AppControl.request(seq);
        seq = AppControl.next(seq);
        return send(c, f, objects);
    }

    private Optional<AppResponse> send(AppControl c, FunctionCode f, List<ObjectBlock> objects) {
        Optional<AppResponse> r = outstation.handle(new AppRequest(c, f, objects).encode()).map(this::decode);
        r.ifPresent(resp -> assertThat(resp.control().sequence()).as("a response echoes its request's sequence")
                .isEqualTo(c.sequence()));
        return r;
    }

    private AppResponse decode(byte[] fragment) {
        try {
            return AppResponse.decode(fragment);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CommandStatus status(Optional<AppResponse> r) {
        return ((Crob) r.orElseThrow().objects().get(0).objects().get(0)).status();
    }
}
