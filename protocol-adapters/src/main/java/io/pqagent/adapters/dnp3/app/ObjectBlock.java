package io.pqagent.adapters.dnp3.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An object header and what follows it: the index prefixes (qualifiers 0x17/0x28 only) and the objects
 * (none in a READ, which names objects without carrying them).
 *
 * @param prefixes one index per object for prefixed qualifiers, otherwise empty
 * @param objects  one per object when the fragment carries data, otherwise empty
 */
public record ObjectBlock(ObjectHeader header, List<Integer> prefixes, List<DnpObject> objects) {
    public ObjectBlock {
        prefixes = List.copyOf(prefixes);
        objects = List.copyOf(objects);
        int count = header.range().count();
        if (header.qualifier().prefixSize() > 0 ? prefixes.size() != count : !prefixes.isEmpty()) {
            throw new IllegalArgumentException(header.describe() + ": " + prefixes.size() + " index prefixes for "
                    + count + " objects");
        }
        if (!objects.isEmpty() && objects.size() != count) {
            throw new IllegalArgumentException(header.describe() + ": " + objects.size() + " objects for a range of " + count);
        }
    }

    /** A header alone (no prefixes, no objects), e.g. a class poll. */
    public static ObjectBlock of(ObjectHeader header) {
        return new ObjectBlock(header, List.of(), List.of());
    }

    /** Objects for indexes {@code start, start+1, ...} (qualifier 0x00, or 0x01 past index 255). */
    public static ObjectBlock range(ObjectVariation variation, int start, List<? extends DnpObject> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a start-stop range holds at least one object");
        }
        int stop = start + values.size() - 1;
        Qualifier q = stop <= 0xFF ? Qualifier.START_STOP_8 : Qualifier.START_STOP_16;
        return new ObjectBlock(new ObjectHeader(variation.group(), variation.variation(), q,
                new ObjectRange.StartStop(start, stop)), List.of(), List.copyOf(values));
    }

    /** Objects each with its index prefix (qualifier 0x17, or 0x28 past 255 indexes or index 255). */
    public static ObjectBlock indexed(ObjectVariation variation, List<IndexedValue> values) {
        boolean small = values.size() <= 0xFF && values.stream().allMatch(v -> v.index() <= 0xFF);
        Qualifier q = small ? Qualifier.INDEXED_COUNT_8 : Qualifier.INDEXED_COUNT_16;
        List<Integer> idx = new ArrayList<>();
        List<DnpObject> objs = new ArrayList<>();
        for (IndexedValue v : values) {
            idx.add(v.index());
            objs.add(v.value());
        }
        return new ObjectBlock(new ObjectHeader(variation.group(), variation.variation(), q,
                new ObjectRange.Count(values.size())), idx, objs);
    }

    /** The variation, if this codec knows it. */
    public Optional<ObjectVariation> variation() {
        return ObjectVariation.of(header.group(), header.variation());
    }

    /**
     * The point index of object {@code i}: its prefix, or start + i for a start-stop range. Objects under a
     * count without prefixes have no index; for them this is their position {@code i}.
     */
    public int index(int i) {
        if (!prefixes.isEmpty()) {
            return prefixes.get(i);
        }
        return header.range() instanceof ObjectRange.StartStop s ? s.start() + i : i;
    }

    /** The objects with their indexes (empty for a block without data). */
    public List<IndexedValue> points() {
        List<IndexedValue> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            out.add(new IndexedValue(index(i), objects.get(i)));
        }
        return out;
    }
}
