package io.pqagent.adapters.modbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a service's {@code policy:} subtree (maps, lists and scalars as the configuration loader left
 * them) into {@link ModbusPolicies}, checking all of it: every error names the key, e.g.
 * {@code policy.peers.site-b.write.holding-registers[1]}, and says what is wrong. A list of one element
 * may arrive as the element itself (the loader cannot tell them apart), so every list also accepts a
 * single value.
 */
public final class PolicyReader {
    static final String DEFAULT = "default";
    static final String READ_ONLY = "read-only";
    static final String UNIT_IDS = "unit-ids";
    static final String FUNCTION_CODES = "function-codes";
    static final String PEERS = "peers";
    private static final List<String> SECTION_KEYS = List.of(DEFAULT, READ_ONLY, UNIT_IDS, FUNCTION_CODES,
            Access.READ.configName(), Access.WRITE.configName());
    private static final int MAX_UNIT_ID = 255;

    private PolicyReader() {
    }

    /** @throws IllegalArgumentException naming the first key that is wrong */
    public static ModbusPolicies read(Map<String, Object> tree) {
        Map<String, Object> own = new LinkedHashMap<>(tree);
        boolean hasPeers = own.containsKey(PEERS);
        Object peers = own.remove(PEERS);
        PolicyRules service = section(own, "policy");
        Map<String, PolicyRules> byPeer = new LinkedHashMap<>();
        if (hasPeers) {
            String key = "policy." + PEERS;
            present(peers, key);
            for (Map.Entry<String, Object> e : map(peers, key, "a section of peer names").entrySet()) {
                String peerKey = key + "." + e.getKey();
                present(e.getValue(), peerKey);
                byPeer.put(e.getKey(), section(map(e.getValue(), peerKey, "a section of policy settings"), peerKey));
            }
        }
        return new ModbusPolicies(service, byPeer);
    }

    private static PolicyRules section(Map<String, Object> s, String at) {
        for (Map.Entry<String, Object> e : s.entrySet()) {
            if (!SECTION_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(at + "." + e.getKey() + ": unknown key (" + String.join(", ", SECTION_KEYS)
                        + (at.equals("policy") ? ", " + PEERS : "") + ")");
            }
            present(e.getValue(), at + "." + e.getKey());
        }
        Optional<PolicyDefault> answer = Optional.ofNullable(s.get(DEFAULT)).map(v -> defaultAnswer(v, at + "." + DEFAULT));
        Optional<Boolean> readOnly = Optional.ofNullable(s.get(READ_ONLY)).map(v -> bool(v, at + "." + READ_ONLY));
        Optional<Set<Integer>> units = Optional.ofNullable(s.get(UNIT_IDS)).map(v -> unitIds(v, at + "." + UNIT_IDS));
        Optional<Set<FunctionCode>> functions = Optional.ofNullable(s.get(FUNCTION_CODES))
                .map(v -> functionCodes(v, at + "." + FUNCTION_CODES));
        Map<Access, Map<DataTable, RangeSet>> ranges = new EnumMap<>(Access.class);
        for (Access a : Access.values()) {
            Object v = s.get(a.configName());
            if (v != null) {
                ranges.put(a, tables(v, a, at + "." + a.configName()));
            }
        }
        if (readOnly.orElse(false)) {
            // a section that says read-only and also allows writes contradicts itself: refuse, do not guess
            if (ranges.containsKey(Access.WRITE) && !ranges.get(Access.WRITE).isEmpty()) {
                throw new IllegalArgumentException(at + ".write: allows writes, but " + at + ".read-only is true");
            }
            List<Integer> writing = functions.orElse(Set.of()).stream().filter(FunctionCode::writes)
                    .map(FunctionCode::code).sorted().toList();
            if (!writing.isEmpty()) {
                throw new IllegalArgumentException(at + ".function-codes: lists writing functions " + writing
                        + ", but " + at + ".read-only is true");
            }
        }
        return new PolicyRules(answer, readOnly, units, functions, ranges);
    }

    /**
     * A key written with nothing after it, or with an empty list or section (the loader drops those), is
     * refused rather than read as absent: in a policy, "absent" means "ask the default", which may be allow.
     */
    private static void present(Object v, String key) {
        if (v == null) {
            throw new IllegalArgumentException(key + ": has no value (an empty list or section cannot be written "
                    + "here; leave the key out and let default decide)");
        }
    }

    private static PolicyDefault defaultAnswer(Object v, String key) {
        if (v instanceof String text) {
            for (PolicyDefault d : PolicyDefault.values()) {
                if (d.name().equalsIgnoreCase(text.strip())) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException(key + ": " + describe(v) + " is not deny or allow");
    }

    private static boolean bool(Object v, String key) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + ": " + describe(v) + " is not true or false");
    }

    private static Set<Integer> unitIds(Object v, String key) {
        Set<Integer> out = new LinkedHashSet<>();
        List<Object> items = list(v);
        for (int i = 0; i < items.size(); i++) {
            long id = integer(items.get(i), key + "[" + i + "]");
            if (id < 0 || id > MAX_UNIT_ID) {
                throw new IllegalArgumentException(key + "[" + i + "]: unit id " + id + " outside 0..255");
            }
            out.add((int) id);
        }
        return out;
    }

    private static Set<FunctionCode> functionCodes(Object v, String key) {
        Set<FunctionCode> out = new LinkedHashSet<>();
        List<Object> items = list(v);
        for (int i = 0; i < items.size(); i++) {
            long code = integer(items.get(i), key + "[" + i + "]");
            Optional<FunctionCode> fc = code < 0 || code > 255 ? Optional.empty() : FunctionCode.byCode((int) code);
            if (fc.isEmpty()) {
                throw new IllegalArgumentException(key + "[" + i + "]: " + code + " is not a function code this filter passes ("
                        + Arrays.stream(FunctionCode.values()).map(f -> Integer.toString(f.code())).collect(Collectors.joining(", "))
                        + ")");
            }
            out.add(fc.get());
        }
        return out;
    }

    private static Map<DataTable, RangeSet> tables(Object v, Access access, String key) {
        Map<DataTable, RangeSet> out = new EnumMap<>(DataTable.class);
        String names = Arrays.stream(DataTable.values()).filter(t -> access == Access.READ || t.writable())
                .map(DataTable::configName).collect(Collectors.joining(", "));
        for (Map.Entry<String, Object> e : map(v, key, "a section of tables (" + names + ")").entrySet()) {
            String tableKey = key + "." + e.getKey();
            present(e.getValue(), tableKey);
            DataTable table = DataTable.byConfigName(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException(tableKey + ": unknown table (" + names + ")"));
            if (access == Access.WRITE && !table.writable()) {
                throw new IllegalArgumentException(tableKey + ": " + table.configName()
                        + " cannot be written (Modbus has no function that writes them)");
            }
            out.put(table, ranges(e.getValue(), tableKey));
        }
        return out;
    }

    private static RangeSet ranges(Object v, String key) {
        List<AddressRange> out = new ArrayList<>();
        List<Object> items = list(v);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemKey = key + "[" + i + "]";
            if (item instanceof String text) {
                try {
                    out.add(AddressRange.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(itemKey + ": " + e.getMessage());
                }
            } else {
                long address = integer(item, itemKey);
                if (address < 0 || address > AddressRange.MAX_ADDRESS) {
                    throw new IllegalArgumentException(itemKey + ": address " + address + " outside 0..65535");
                }
                out.add(new AddressRange((int) address, (int) address));
            }
        }
        return new RangeSet(out);
    }

    private static long integer(Object v, String key) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException(key + ": " + describe(v) + " is not a whole number");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String key, String expected) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(key + ": expected " + expected + ", got " + describe(v));
    }

    private static List<Object> list(Object v) {
        return v instanceof List<?> l ? new ArrayList<>(l) : java.util.Collections.singletonList(v);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "an empty value";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a section";
        }
        return v.getClass().getSimpleName().toLowerCase() + " " + v;
    }
}
