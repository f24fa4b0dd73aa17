package io.pqagent.adapters.dnp3.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.adapters.dnp3.app.AnalogPoint;
import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.CounterPoint;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.IinBit;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import io.pqagent.adapters.dnp3.link.LinkControl;
import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.link.LinkFrameReader;
import io.pqagent.adapters.dnp3.link.LinkEvent;
import io.pqagent.adapters.dnp3.link.LinkFunction;
import io.pqagent.adapters.dnp3.outstation.Dnp3OutstationServer;
import io.pqagent.adapters.dnp3.outstation.MemoryDataModel;
import io.pqagent.adapters.dnp3.outstation.Outstation;
import io.pqagent.adapters.dnp3.outstation.OutstationConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our master and outstation over a real loopback TCP connection. */
class MasterOutstationTest {
    private final MemoryDataModel model = new MemoryDataModel(4, 3, 2, 2);
    private Dnp3OutstationServer server;
    private Dnp3Master master;

    @BeforeEach
    void start() throws Exception {
        model.set(() -> {
            model.binaryInputs[0] = true;
            model.analogInputs[2] = -7.25;
            model.counters[1] = 1_000;
        });
        server = Dnp3OutstationServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new Outstation(OutstationConfig.defaults(10), model, Clock.systemUTC()));
        master = Dnp3Master.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                MasterConfig.defaults(1, 10));
    }

    @AfterEach
    void stop() throws Exception {
        master.close();
        server.close();
    }

    @Test
    void pollsAndControlsRoundTrip() throws Exception {
        PollResult integrity = master.integrityPoll();
        assertThat(integrity.binaryInputs()).hasSize(4);
        assertThat(integrity.binaryInputs().get(0).state()).isTrue();
        assertThat(integrity.analogInputs().get(2)).isEqualTo(AnalogPoint.online(-7.25));
        assertThat(integrity.counters().get(1)).isEqualTo(CounterPoint.online(1_000));
        assertThat(integrity.events()).isEmpty();

        model.set(() -> {
            model.binaryInputs[3] = true;
            model.counters[0] = 5;
        });
        PollResult events = master.eventPoll();
        assertThat(events.events()).extracting(ReportedEvent::variation, ReportedEvent::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectVariation.G2V2, 3),
                        org.assertj.core.groups.Tuple.tuple(ObjectVariation.G22V5, 0));
        assertThat(master.eventPoll().events()).as("confirmed by the master, so gone").isEmpty();

        assertThat(master.selectAndOperate(1, Crob.latch(true))).isEqualTo(CommandStatus.SUCCESS);
        assertThat(model.binaryOutputs[1]).isTrue();
        assertThat(master.directOperate(0, Crob.latch(true))).isEqualTo(CommandStatus.SUCCESS);
        assertThat(master.integrityPoll().binaryOutputs().values()).allMatch(p -> p.state());
        assertThat(server.outstation().stats().operates()).isEqualTo(2);
        assertThat(master.request(FunctionCode.WARM_RESTART, List.of()).get(0).iin().has(IinBit.NO_FUNC_CODE_SUPPORT))
                .isTrue();
    }

    @Test
    void theOutstationAnswersLinkStatusRequests() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(new LinkFrame(LinkControl.of(true, LinkFunction.REQUEST_LINK_STATUS), 10, 1,
                    new byte[0]).encode());
            LinkFrameReader r = new LinkFrameReader();
            byte[] b = new byte[LinkFrame.HEADER_SIZE];
            s.getInputStream().readNBytes(b, 0, b.length);
            r.feed(b);
            LinkFrame answer = ((LinkEvent.Received) r.next().orElseThrow()).frame();
            assertThat(answer.control().function()).contains(LinkFunction.LINK_STATUS);
            assertThat(answer.control().dir()).isFalse();
            assertThat(answer.source()).isEqualTo(10);
            assertThat(answer.destination()).isEqualTo(1);
        }
    }

    @Test
    void noAnswerEndsInAResponseTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Dnp3Master m = Dnp3Master.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()),
                        MasterConfig.defaults(1, 10).withResponseTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(m::eventPoll).isInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("no response to READ (sequence 0) from outstation 10 within 300 ms");
        }
    }
}
