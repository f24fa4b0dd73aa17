package io.pqagent.adapters.dnp3.app;

import java.util.ArrayList;
import java.util.List;

/** The object part of a fragment: a sequence of object blocks, read and written. */
final class ObjectBlocks {
    private ObjectBlocks() {
    }

    /**
     * Reads blocks until the fragment ends. With {@code withData} false (READ and the other header-only
     * requests) the headers are followed by index prefixes at most, never by objects.
     */
    static List<ObjectBlock> read(FragmentCursor c, boolean withData) throws AppParseException {
        List<ObjectBlock> blocks = new ArrayList<>();
        while (c.remaining() > 0) {
            blocks.add(readBlock(c, withData));
        }
        return blocks;
    }

    private static ObjectBlock readBlock(FragmentCursor c, boolean withData) throws AppParseException {
        int at = c.position();
        int group = c.u8("object header");
        int variation = c.u8("object header");
        int code = c.u8("object header");
        String name = "g" + group + "v" + variation + " at offset " + at;
        // IEEE 1815 object header qualifier: qualifier = reserved bit, prefix code, range specifier code
        Qualifier q = Qualifier.of(code).orElseThrow(() -> new AppParseException(name + ": qualifier 0x"
                + String.format("%02X", code) + " is not supported (0x00 0x01 0x06 0x07 0x08 0x17 0x28)"));
        ObjectRange range = switch (q.rangeKind()) {
            case ALL -> new ObjectRange.All();
            case COUNT -> new ObjectRange.Count(c.unsigned(q.rangeFieldSize(), name + " count"));
            case START_STOP -> {
                int start = c.unsigned(q.rangeFieldSize(), name + " start index");
                int stop = c.unsigned(q.rangeFieldSize(), name + " stop index");
                if (start > stop) {
                    throw new AppParseException(name + ": start index " + start + " above stop index " + stop);
                }
                yield new ObjectRange.StartStop(start, stop);
            }
        };
        ObjectHeader header = new ObjectHeader(group, variation, q, range);
        int count = range.count();
        ObjectVariation v = null;
        if (withData) {
            if (q == Qualifier.ALL) {
                throw new AppParseException(name + ": qualifier 0x06 names objects without carrying them, "
                        + "but this function carries object data");
            }
            v = ObjectVariation.of(group, variation).orElseThrow(() ->
                    new AppParseException(AppParseException.Kind.UNKNOWN_OBJECT,
                            name + ": object g" + group + "v" + variation + " is not supported by this codec"));
            if (v.kind() == ObjectVariation.Kind.CLASS) {
                throw new AppParseException(name + ": class objects carry no data");
            }
            if (v.packed() && q.prefixSize() > 0) {
                throw new AppParseException(name + ": packed objects cannot carry index prefixes");
            }
            // every length is checked before anything is read or allocated
            c.require((long) count * q.prefixSize() + v.dataSize(count), name + ": " + count + " objects");
        } else {
            c.require((long) count * q.prefixSize(), name + ": " + count + " index prefixes");
        }
        List<Integer> prefixes = new ArrayList<>(q.prefixSize() > 0 ? count : 0);
        List<DnpObject> objects = new ArrayList<>(withData ? count : 0);
        if (v != null && v.packed()) {
            readPacked(c, count, objects, name);
        } else {
            for (int i = 0; i < count; i++) {
                if (q.prefixSize() > 0) {
                    prefixes.add(c.unsigned(q.prefixSize(), name + " index prefix"));
                }
                if (v != null) {
                    objects.add(ObjectCodec.read(v, c));
                }
            }
        }
        return new ObjectBlock(header, prefixes, objects);
    }

    private static void readPacked(FragmentCursor c, int count, List<DnpObject> out, String name) throws AppParseException {
        int octet = 0;
        for (int i = 0; i < count; i++) {
            if (i % 8 == 0) {
                octet = c.u8(name + " packed states");
            }
            out.add(BinaryPoint.online((octet >>> (i % 8) & 1) != 0));
        }
    }

    static void write(FragmentWriter w, ObjectBlock b) {
        ObjectHeader h = b.header();
        Qualifier q = h.qualifier();
        w.u8(h.group());
        w.u8(h.variation());
        w.u8(q.code());
        if (h.range() instanceof ObjectRange.StartStop s) {
            w.unsigned(q.rangeFieldSize(), s.start());
            w.unsigned(q.rangeFieldSize(), s.stop());
        } else if (h.range() instanceof ObjectRange.Count n) {
            w.unsigned(q.rangeFieldSize(), n.count());
        }
        if (b.objects().isEmpty()) {
            for (int p : b.prefixes()) {
                w.unsigned(q.prefixSize(), p);
            }
            return;
        }
        ObjectVariation v = b.variation().orElseThrow(() ->
                new IllegalArgumentException("no encoding for objects of " + h.describe()));
        if (v.packed()) {
            writePacked(w, b.objects());
            return;
        }
        for (int i = 0; i < b.objects().size(); i++) {
            if (q.prefixSize() > 0) {
                w.unsigned(q.prefixSize(), b.prefixes().get(i));
            }
            ObjectCodec.write(v, b.objects().get(i), w);
        }
    }

    private static void writePacked(FragmentWriter w, List<DnpObject> objects) {
        int octet = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (!(objects.get(i) instanceof BinaryPoint b)) {
                throw new IllegalArgumentException("packed binaries hold BinaryPoint objects");
            }
            if (b.state()) {
                octet |= 1 << (i % 8);
            }
            if (i % 8 == 7 || i == objects.size() - 1) {
                w.u8(octet);
                octet = 0;
            }
        }
    }
}
