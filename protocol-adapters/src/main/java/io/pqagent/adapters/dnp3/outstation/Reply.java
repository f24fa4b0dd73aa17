package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.Iin;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import java.util.List;

/** The objects and IIN of a response being built, and the events it reports (so CON is set and they await confirm). */
record Reply(List<ObjectBlock> objects, Iin iin, List<BufferedEvent> reported) {
    static Reply of(Iin iin) {
        return new Reply(List.of(), iin, List.of());
    }
}
