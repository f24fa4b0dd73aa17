package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.AnalogPoint;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.AppResponse;
import io.pqagent.adapters.dnp3.app.BinaryPoint;
import io.pqagent.adapters.dnp3.app.CounterPoint;
import io.pqagent.adapters.dnp3.app.DnpObject;
import io.pqagent.adapters.dnp3.app.Iin;
import io.pqagent.adapters.dnp3.app.IinBit;
import io.pqagent.adapters.dnp3.app.IndexedValue;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectHeader;
import io.pqagent.adapters.dnp3.app.ObjectRange;
import io.pqagent.adapters.dnp3.app.ObjectVariation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * READ: class polls (g60v1 static data, g60v2..v4 events of class 1..3, qualifier 0x06) and reads of one
 * type with variation 0 (g1, g10, g20, g30 static, all or a start-stop range; g2, g22, g32 events). Events
 * go first, oldest first, as many as fit one fragment after the static data; the rest stay pending and
 * their class bits stay set in IIN1.
 */
final class ReadResponder {
    /** Object header with a two-octet count (5) for each run of events; a two-octet index prefix per event. */
    private static final int EVENT_BLOCK_OVERHEAD = 5;
    private static final int EVENT_PREFIX = 2;

    private final OutstationDataModel model;
    private final int maxFragment;

    ReadResponder(OutstationDataModel model, int maxFragment) {
        this.model = model;
        this.maxFragment = maxFragment;
    }

    Reply read(AppRequest request, EventBuffer events) {
        Iin iin = Iin.NONE;
        Set<Integer> classes = new HashSet<>();
        Set<PointType> eventTypes = EnumSet.noneOf(PointType.class);
        List<ObjectBlock> staticBlocks = new ArrayList<>();
        for (ObjectBlock b : request.objects()) {
            ObjectHeader h = b.header();
            boolean all = h.range() instanceof ObjectRange.All;
            if (h.group() == 60 && h.variation() >= 1 && h.variation() <= 4 && all) {
                if (h.variation() == 1) {
                    staticBlocks.addAll(allStatic());
                } else {
                    classes.add(h.variation() - 1);
                }
            } else if (h.variation() == 0 && staticGroup(h.group()) && (all || h.range() instanceof ObjectRange.StartStop)) {
                int first = all ? 0 : ((ObjectRange.StartStop) h.range()).start();
                int last = all ? Integer.MAX_VALUE : ((ObjectRange.StartStop) h.range()).stop();
                int count = count(h.group());
                if (!all && last >= count) {
                    iin = iin.with(IinBit.PARAMETER_ERROR); // points beyond the model: report what exists
                }
                staticBlock(h.group(), first, Math.min(last, count - 1)).ifPresent(staticBlocks::add);
            } else if (h.variation() == 0 && eventType(h.group()) != null && all) {
                eventTypes.add(eventType(h.group()));
            } else {
                iin = iin.with(IinBit.OBJECT_UNKNOWN);
            }
        }
        int budget = maxFragment - AppResponse.HEADER_SIZE
                - staticBlocks.stream().mapToInt(AppResponse::encodedSize).sum();
        List<BufferedEvent> wanted = events.pending(e -> classes.contains(e.type().eventClass)
                || eventTypes.contains(e.type()));
        List<BufferedEvent> reported = new ArrayList<>();
        List<ObjectBlock> blocks = eventBlocks(wanted, budget, reported);
        blocks.addAll(staticBlocks);
        return new Reply(blocks, iin, reported);
    }

    /** Static data of every type: binary inputs, binary output status, counters, analog inputs. */
    List<ObjectBlock> allStatic() {
        List<ObjectBlock> out = new ArrayList<>();
        for (int group : new int[] {1, 10, 20, 30}) {
            staticBlock(group, 0, count(group) - 1).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ObjectBlock> staticBlock(int group, int first, int last) {
        if (first > last) {
            return Optional.empty();
        }
        IntFunction<DnpObject> value = switch (group) {
            case 1 -> i -> BinaryPoint.online(model.binaryInput(i));
            case 10 -> i -> BinaryPoint.online(model.binaryOutput(i));
            case 20 -> i -> CounterPoint.online(model.counter(i) & 0xFFFF_FFFFL);
            default -> i -> AnalogPoint.online(model.analogInput(i));
        };
        ObjectVariation v = switch (group) {
            case 1 -> PointType.BINARY_INPUT.staticVariation;
            case 10 -> ObjectVariation.G10V2;
            case 20 -> PointType.COUNTER.staticVariation;
            default -> PointType.ANALOG_INPUT.staticVariation;
        };
        List<DnpObject> values = new ArrayList<>(last - first + 1);
        for (int i = first; i <= last; i++) {
            values.add(value.apply(i));
        }
        return Optional.of(ObjectBlock.range(v, first, values));
    }

    /** Runs of events of one type become one block each, in order, while they fit {@code budget} octets. */
    private static List<ObjectBlock> eventBlocks(List<BufferedEvent> events, int budget, List<BufferedEvent> reported) {
        List<ObjectBlock> blocks = new ArrayList<>();
        List<IndexedValue> run = new ArrayList<>();
        PointType runType = null;
        int used = 0;
        for (BufferedEvent e : events) {
            int cost = EVENT_PREFIX + e.type().eventVariation.size() + (e.type() == runType ? 0 : EVENT_BLOCK_OVERHEAD);
            if (used + cost > budget) {
                break;
            }
            if (e.type() != runType && !run.isEmpty()) {
                blocks.add(ObjectBlock.indexed(runType.eventVariation, run));
                run = new ArrayList<>();
            }
            runType = e.type();
            run.add(new IndexedValue(e.index(), e.value()));
            reported.add(e);
            used += cost;
        }
        if (!run.isEmpty()) {
            blocks.add(ObjectBlock.indexed(runType.eventVariation, run));
        }
        return blocks;
    }

    private int count(int group) {
        return switch (group) {
            case 1 -> model.binaryInputCount();
            case 10 -> model.binaryOutputCount();
            case 20 -> model.counterCount();
            default -> model.analogInputCount();
        };
    }

    private static boolean staticGroup(int group) {
        return group == 1 || group == 10 || group == 20 || group == 30;
    }

    private static PointType eventType(int group) {
        return switch (group) {
            case 2 -> PointType.BINARY_INPUT;
            case 22 -> PointType.COUNTER;
            case 32 -> PointType.ANALOG_INPUT;
            default -> null;
        };
    }
}
