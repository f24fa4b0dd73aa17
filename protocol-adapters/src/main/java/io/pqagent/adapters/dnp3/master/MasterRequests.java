package io.pqagent.adapters.dnp3.master;

import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.IndexedValue;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectHeader;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import java.util.List;

/** The object lists of the requests a master sends most (class polls and controls as IEEE 1815 describes them). */
public final class MasterRequests {
    private MasterRequests() {
    }

    /** Integrity poll: class 1, 2, 3 events, then class 0 (all static data). */
    public static List<ObjectBlock> integrityPoll() {
        return List.of(classObjects(2), classObjects(3), classObjects(4), classObjects(1));
    }

    /** Event poll: class 1, 2 and 3 events. */
    public static List<ObjectBlock> eventPoll() {
        return List.of(classObjects(2), classObjects(3), classObjects(4));
    }

    /** One CROB on binary output {@code index} (g12v1, qualifier 0x17 or 0x28). */
    public static List<ObjectBlock> crob(int index, Crob crob) {
        return List.of(ObjectBlock.indexed(ObjectVariation.G12V1, List.of(new IndexedValue(index, crob))));
    }

    private static ObjectBlock classObjects(int variation) {
        return ObjectBlock.of(ObjectHeader.all(60, variation));
    }
}
