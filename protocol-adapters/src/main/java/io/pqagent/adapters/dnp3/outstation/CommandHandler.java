package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.DnpObject;
import io.pqagent.adapters.dnp3.app.Iin;
import io.pqagent.adapters.dnp3.app.IinBit;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * SELECT, OPERATE and DIRECT_OPERATE on binary outputs (CROB, g12v1 with qualifier 0x17 or 0x28). The
 * response echoes the request's objects with each status filled in (IEEE 1815 control operations).
 */
final class CommandHandler {
    private final OutstationDataModel model;
    private final int outputs;
    private final OutstationConfig config;
    private Selection selection;
    long selects;
    long operates;

    CommandHandler(OutstationDataModel model, OutstationConfig config) {
        this.model = model;
        this.outputs = model.binaryOutputCount();
        this.config = config;
    }

    Reply select(AppRequest r, byte[] objects, long nowMillis) {
        selection = null;
        Reply reply = apply(r, (index, crob) -> {
            selects++;
            return model.selectBinaryOutput(index, crob);
        });
        boolean allSucceeded = !reply.objects().isEmpty() && reply.objects().stream().flatMap(b -> b.objects().stream())
                .allMatch(o -> ((Crob) o).status() == CommandStatus.SUCCESS);
        if (allSucceeded) {
            selection = new Selection(r.control().sequence(), objects, nowMillis);
        }
        return reply;
    }

    Reply operate(AppRequest r, byte[] objects, long nowMillis) {
        Selection armed = selection;
        selection = null;
        CommandStatus refusal = armed == null || !armed.matches(r.control().sequence(), objects) ? CommandStatus.NO_SELECT
                : armed.expired(nowMillis, config.selectTimeout().toMillis()) ? CommandStatus.TIMEOUT : null;
        if (refusal != null) {
            return apply(r, (index, crob) -> refusal);
        }
        return directOperate(r);
    }

    Reply directOperate(AppRequest r) {
        return apply(r, (index, crob) -> {
            operates++;
            return model.operateBinaryOutput(index, crob);
        });
    }

    /** Any request other than the OPERATE right after it disarms a SELECT. */
    void disarm() {
        selection = null;
    }

    private Reply apply(AppRequest r, BiFunction<Integer, Crob, CommandStatus> action) {
        Iin iin = Iin.NONE;
        int total = r.objects().stream().mapToInt(b -> b.objects().size()).sum();
        List<ObjectBlock> echo = new ArrayList<>();
        for (ObjectBlock b : r.objects()) {
            if (b.variation().orElse(null) != ObjectVariation.G12V1) {
                return Reply.of(Iin.NONE.with(IinBit.OBJECT_UNKNOWN)); // only binary outputs are controllable here
            }
            if (b.prefixes().isEmpty()) {
                return Reply.of(Iin.NONE.with(IinBit.PARAMETER_ERROR)); // controls name their indexes
            }
            List<DnpObject> statuses = new ArrayList<>();
            for (int i = 0; i < b.objects().size(); i++) {
                Crob crob = (Crob) b.objects().get(i);
                int index = b.index(i);
                CommandStatus s;
                if (total > config.maxControls()) {
                    s = CommandStatus.TOO_MANY_OBJS;
                } else if (index >= outputs) {
                    s = CommandStatus.NOT_SUPPORTED;
                    iin = iin.with(IinBit.PARAMETER_ERROR);
                } else {
                    s = action.apply(index, crob);
                }
                statuses.add(crob.withStatus(s));
            }
            echo.add(new ObjectBlock(b.header(), b.prefixes(), statuses));
        }
        return new Reply(echo, iin, List.of());
    }
}
