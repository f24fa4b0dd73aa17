package io.pqagent.adapters.dnp3;

import io.pqagent.adapters.testing.RecordingOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.adapters.dnp3.app.AppControl;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.IndexedValue;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import io.pqagent.adapters.dnp3.link.LinkControl;
import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.link.LinkFunction;
import io.pqagent.adapters.dnp3.master.MasterRequests;
import io.pqagent.adapters.dnp3.stack.FragmentSender;
import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilter;
import io.pqagent.agent.filter.StreamFilterProvider;
import io.pqagent.agent.filter.StreamFilters;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The filter as the agent runs it: found by ServiceLoader, fed chunks from the master, watched through its output. */
class Dnp3FilterTest {
    private static final Map<String, Object> POLICY = Map.of(
            "allow", List.of("READ"),
            "allow-objects", List.of(Map.of("functions", List.of("SELECT", "OPERATE"), "group", 12, "indexes", "0-40")),
            "masters", 1,
            "outstations", 10,
            "peers", Map.of("ops", Map.of("allow", List.of("READ", "DIRECT_OPERATE"))));
    private final StreamFilterProvider provider = StreamFilters.load().forProtocol("dnp3").orElseThrow();
    private final FragmentSender master = new FragmentSender(true, 1, 10);
    private int seq;

    @Test
    void anAllowedRequestGoesOnAsTheExactFramesReceived() {
        RecordingOutput out = new RecordingOutput();
        StreamFilter f = open("site-b");
        byte[] frames = request(FunctionCode.READ, MasterRequests.integrityPoll());
        f.fromOpener(frames, out);
        assertThat(out.toTarget.toByteArray()).isEqualTo(frames);
        assertThat(out.audits).isEmpty();
    }

    @Test
    void aRequestSpanningFramesIsHeldUntilItsLastSegmentThenForwardedWhole() {
        List<IndexedValue> crobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            crobs.add(new IndexedValue(i, Crob.latch(true)));
        }
        byte[] frames = request(FunctionCode.SELECT, List.of(ObjectBlock.indexed(ObjectVariation.G12V1, crobs)));
        assertThat(frames.length).as("two link frames").isGreaterThan(LinkFrame.MAX_FRAME_SIZE);
        RecordingOutput out = new RecordingOutput();
        StreamFilter f = open("site-b");
        for (int i = 0; i < frames.length - 1; i++) {
            f.fromOpener(new byte[] {frames[i]}, out);
        }
        assertThat(out.toTarget.size()).as("nothing before the fragment is complete").isZero();
        f.fromOpener(new byte[] {frames[frames.length - 1]}, out);
        assertThat(out.toTarget.toByteArray()).isEqualTo(frames);
    }

    @Test
    void aDeniedDirectOperateNeverReachesTheTargetAndIsAudited() {
        RecordingOutput out = new RecordingOutput();
        StreamFilter f = open("site-b");
        f.fromOpener(request(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(1, Crob.latch(true))), out);
        assertThat(out.toTarget.size()).isZero();
        assertThat(out.toOpener.size()).as("dropped, not answered").isZero();
        assertThat(out.audits).singleElement().isEqualTo(Map.of("event", "dnp3_request_denied",
                "function", "DIRECT_OPERATE", "group", 12, "index", "1", "reason", "function DIRECT_OPERATE is not allowed",
                "source", 1, "destination", 10));
        byte[] select = request(FunctionCode.SELECT, MasterRequests.crob(41, Crob.latch(true)));
        f.fromOpener(select, out);
        assertThat(out.audits.get(1)).containsEntry("function", "SELECT").containsEntry("group", 12)
                .containsEntry("index", "41").containsEntry("reason", "SELECT on g12v1 index 41 is not allowed");
        byte[] next = request(FunctionCode.READ, MasterRequests.eventPoll());
        f.fromOpener(next, out);
        assertThat(out.toTarget.toByteArray()).as("the stream goes on").isEqualTo(next);
    }

    @Test
    void aPeerOverrideAppliesToThatPeersStreams() {
        RecordingOutput out = new RecordingOutput();
        byte[] operate = request(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(1, Crob.latch(true)));
        open("ops").fromOpener(operate, out);
        assertThat(out.toTarget.toByteArray()).isEqualTo(operate);
    }

    @Test
    void linkAddressesAndDirectionAreChecked() {
        RecordingOutput out = new RecordingOutput();
        StreamFilter f = open("site-b");
        byte[] read = new AppRequest(AppControl.request(0), FunctionCode.READ, MasterRequests.eventPoll()).encode();
        f.fromOpener(new FragmentSender(true, 2, 10).frames(read), out);
        f.fromOpener(new FragmentSender(true, 1, 11).frames(read), out);
        f.fromOpener(new FragmentSender(false, 1, 10).frames(read), out);
        f.fromOpener(new LinkFrame(new LinkControl(true, true, false, false, 15), 10, 1, new byte[0]).encode(), out);
        assertThat(out.toTarget.size()).isZero();
        assertThat(out.audits).extracting(a -> a.get("reason")).containsExactly(
                "link source address 2 is not allowed", "link destination address 11 is not allowed",
                "DIR=0: a frame from the master's side claims to come from an outstation",
                "reserved link function code 15 (PRM=1)");
        byte[] status = new LinkFrame(LinkControl.of(true, LinkFunction.REQUEST_LINK_STATUS), 10, 1, new byte[0]).encode();
        f.fromOpener(status, out);
        assertThat(out.toTarget.toByteArray()).as("link services pass at once").isEqualTo(status);
    }

    @Test
    void aFrameWithABadCrcIsDiscardedCountedAndTheNextOneStillPasses() {
        RecordingOutput out = new RecordingOutput();
        Dnp3Filter f = (Dnp3Filter) open("site-b");
        byte[] bad = request(FunctionCode.READ, MasterRequests.integrityPoll());
        bad[12] ^= 0x01;
        byte[] good = request(FunctionCode.READ, MasterRequests.eventPoll());
        f.fromOpener(concat(bad, good), out);
        assertThat(out.toTarget.toByteArray()).isEqualTo(good);
        assertThat(out.audits("dnp3_frame_discarded")).singleElement()
                .isEqualTo(Map.of("event", "dnp3_frame_discarded", "reason", "BAD_DATA_CRC", "octets", bad.length,
                        "discarded", 1L));
        assertThat(f.framesDiscarded()).isEqualTo(1);
        assertThat(f.framesForwarded()).isEqualTo(1);
        assertThat(out.resets).isEmpty();
    }

    @Test
    void aLostSegmentDropsItsFragmentWithAnAuditEntry() {
        List<IndexedValue> crobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            crobs.add(new IndexedValue(i, Crob.latch(true)));
        }
        byte[] frames = request(FunctionCode.SELECT, List.of(ObjectBlock.indexed(ObjectVariation.G12V1, crobs)));
        RecordingOutput out = new RecordingOutput();
        open("site-b").fromOpener(Arrays.copyOfRange(frames, LinkFrame.MAX_FRAME_SIZE, frames.length), out);
        assertThat(out.toTarget.size()).isZero();
        assertThat(out.audits("dnp3_fragment_discarded")).singleElement().satisfies(a ->
                assertThat(a.get("reason")).isEqualTo("transport segment dropped: NO_FIRST_SEGMENT"));
    }

    @Test
    void aNewFirstSegmentDropsTheUnfinishedFragmentBeforeIt() {
        List<IndexedValue> crobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            crobs.add(new IndexedValue(i, Crob.latch(true)));
        }
        byte[] frames = request(FunctionCode.SELECT, List.of(ObjectBlock.indexed(ObjectVariation.G12V1, crobs)));
        byte[] read = request(FunctionCode.READ, MasterRequests.eventPoll());
        RecordingOutput out = new RecordingOutput();
        Dnp3Filter f = (Dnp3Filter) open("site-b");
        f.fromOpener(concat(Arrays.copyOf(frames, LinkFrame.MAX_FRAME_SIZE), read), out);
        assertThat(out.toTarget.toByteArray()).isEqualTo(read);
        assertThat(out.audits("dnp3_fragment_discarded")).singleElement().satisfies(a -> assertThat(a.get("reason"))
                .isEqualTo("unfinished request fragment replaced by a new first segment"));
        assertThat(f.framesDiscarded()).isEqualTo(1);
    }

    @Test
    void aStreamOfGarbageIsResetOnceWithTheTotals() {
        RecordingOutput out = new RecordingOutput();
        StreamFilter f = open("site-b");
        byte[] good = request(FunctionCode.READ, MasterRequests.eventPoll());
        byte[] noise = new byte[Dnp3Filter.HOPELESS_OCTETS + 1];
        new Random(3).nextBytes(noise);
        f.fromOpener(concat(good, noise), out);
        assertThat(out.toTarget.toByteArray()).as("what came before the garbage went on").isEqualTo(good);
        assertThat(out.resets).singleElement().asString().startsWith("not DNP3: no valid link frame in");
        assertThat(out.audits("dnp3_stream_reset")).hasSize(1);
        f.fromOpener(good, out);
        assertThat(out.toTarget.toByteArray()).as("nothing after the reset").isEqualTo(good);
        assertThat(out.audits("dnp3_frame_discarded").size()).isLessThanOrEqualTo(Dnp3Filter.AUDITED_DISCARDS);
    }

    @Test
    void theOutstationsAnswersPassUnchanged() {
        RecordingOutput out = new RecordingOutput();
        open("site-b").fromTarget(new byte[] {1, 2, 3}, out);
        assertThat(out.toOpener.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void aBadPolicyIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> provider.validate(new FilterContext("plc-b", "site-b", Map.of("allow", "WRIT"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service plc-b: policy.allow[0]: 'WRIT' is not a DNP3 function");
        provider.validate(new FilterContext("plc-b", "site-b", POLICY));
    }

    private StreamFilter open(String peer) {
        return provider.open(new FilterContext("plc-b", peer, POLICY));
    }

    private byte[] request(FunctionCode f, List<ObjectBlock> objects) {
        byte[] fragment = new AppRequest(AppControl.request(seq), f, objects).encode();
        seq = AppControl.next(seq);
        return master.frames(fragment);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
