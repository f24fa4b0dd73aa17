package io.pqagent.adapters.dnp3.app;

/** The range field of an object header: which objects, or how many, follow. */
public sealed interface ObjectRange {

    /** Indexes {@code start..stop} inclusive, one object each, in order. */
    record StartStop(int start, int stop) implements ObjectRange {
        public StartStop {
            if (start < 0 || stop < start || stop > 0xFFFF) {
                throw new IllegalArgumentException("index range " + start + ".." + stop + " is not within 0..65535 in order");
            }
        }

        @Override
        public int count() {
            return stop - start + 1;
        }
    }

    /** {@code count} objects: with an index prefix each if the qualifier has one, else without an index. */
    record Count(int count) implements ObjectRange {
        public Count {
            if (count < 0 || count > 0xFFFF) {
                throw new IllegalArgumentException("object count " + count + " is not 0..65535");
            }
        }
    }

    /** Every object of the type (qualifier 0x06); only in requests, never followed by objects. */
    record All() implements ObjectRange {
        @Override
        public int count() {
            return 0;
        }
    }

    /** How many objects (or index prefixes) follow the header: 0 for {@link All}. */
    int count();
}
