package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.AppControl;
import io.pqagent.adapters.dnp3.app.AppParseException;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.AppResponse;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.Iin;
import io.pqagent.adapters.dnp3.app.IinBit;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The application layer of an outstation, without I/O: a request fragment in, the response fragment (if
 * any) out. Supports READ (class polls and type reads, see {@link ReadResponder}), SELECT, OPERATE,
 * DIRECT_OPERATE and DIRECT_OPERATE_NR on binary outputs, and CONFIRM of event responses; any other function
 * is answered with IIN2 NO_FUNC_CODE_SUPPORT. Responses are one fragment each; unsolicited responses are
 * never sent. Thread-safe: one lock around everything, the data model included.
 */
public final class Outstation {
    private final OutstationConfig config;
    private final OutstationDataModel model;
    private final Clock clock;
    private final EventBuffer events;
    private final PointScanner scanner;
    private final ReadResponder reads;
    private final CommandHandler commands;
    private long requests;

    /**
     * @throws IllegalArgumentException if the model's static data would not fit one response fragment
     */
    public Outstation(OutstationConfig config, OutstationDataModel model, Clock clock) {
        this.config = config;
        this.model = model;
        this.clock = clock;
        this.events = new EventBuffer(config.eventCapacity());
        this.scanner = new PointScanner(model);
        this.reads = new ReadResponder(model, config.maxFragment());
        this.commands = new CommandHandler(model, config);
        int staticSize = AppResponse.HEADER_SIZE + reads.allStatic().stream().mapToInt(AppResponse::encodedSize).sum();
        if (staticSize > config.maxFragment()) {
            throw new IllegalArgumentException("the model's static data takes " + staticSize
                    + " octets, more than one fragment of " + config.maxFragment());
        }
    }

    public OutstationConfig config() {
        return config;
    }

    /** Compares the model with its last scan and records changes as events, stamped now. */
    public synchronized void scan() {
        scanner.scan(events, clock.millis());
    }

    /**
     * Handles one whole request fragment.
     *
     * @return the response fragment, or empty for CONFIRM, DIRECT_OPERATE_NR and fragments too short to answer
     */
    public synchronized Optional<byte[]> handle(byte[] fragment) {
        requests++;
        scan();
        if (fragment.length < 2) {
            return Optional.empty();
        }
        AppControl control = AppControl.decode(fragment[0] & 0xFF);
        AppRequest request;
        try {
            request = AppRequest.decode(fragment);
        } catch (AppParseException e) {
            commands.disarm();
            events.newRequest();
            return Optional.of(respond(control.sequence(), Reply.of(Iin.NONE.with(switch (e.kind()) {
                case UNKNOWN_FUNCTION -> IinBit.NO_FUNC_CODE_SUPPORT;
                case UNKNOWN_OBJECT -> IinBit.OBJECT_UNKNOWN;
                case MALFORMED -> IinBit.PARAMETER_ERROR;
            }))));
        }
        if (request.function() == FunctionCode.CONFIRM) {
            events.confirm(control.sequence());
            return Optional.empty();
        }
        events.newRequest();
        byte[] objects = Arrays.copyOfRange(fragment, 2, fragment.length);
        FunctionCode f = request.function();
        if (f != FunctionCode.OPERATE && f != FunctionCode.SELECT) {
            commands.disarm(); // IEEE 1815 select-before-operate: the OPERATE must be the very next request after its SELECT
        }
        if (!control.fir() || !control.fin()) {
            return Optional.of(respond(control.sequence(), Reply.of(Iin.NONE.with(IinBit.PARAMETER_ERROR))));
        }
        long now = clock.millis();
        Reply reply = switch (f) {
            case READ -> reads.read(request, events);
            case SELECT -> commands.select(request, objects, now);
            case OPERATE -> commands.operate(request, objects, now);
            case DIRECT_OPERATE, DIRECT_OPERATE_NR -> commands.directOperate(request);
            default -> Reply.of(Iin.NONE.with(IinBit.NO_FUNC_CODE_SUPPORT));
        };
        if (f == FunctionCode.DIRECT_OPERATE_NR) {
            return Optional.empty();
        }
        return Optional.of(respond(control.sequence(), reply));
    }

    public synchronized OutstationStats stats() {
        return new OutstationStats(requests, commands.selects, commands.operates);
    }

    private byte[] respond(int sequence, Reply reply) {
        Iin iin = reply.iin();
        Set<BufferedEvent> reported = new HashSet<>(reply.reported());
        for (int c = 1; c <= 3; c++) {
            if (events.hasClass(c, reported)) {
                iin = iin.with(c == 1 ? IinBit.CLASS_1_EVENTS : c == 2 ? IinBit.CLASS_2_EVENTS : IinBit.CLASS_3_EVENTS);
            }
        }
        if (events.overflow()) {
            iin = iin.with(IinBit.EVENT_BUFFER_OVERFLOW);
        }
        boolean confirm = !reply.reported().isEmpty();
        events.reported(reply.reported(), sequence);
        return new AppResponse(new AppControl(true, true, confirm, false, sequence), FunctionCode.RESPONSE, iin,
                reply.objects()).encode();
    }
}
