package io.pqagent.adapters.dnp3.policy;

import io.pqagent.adapters.dnp3.app.AppParseException;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.app.ObjectHeader;
import io.pqagent.adapters.dnp3.app.ObjectRange;
import java.util.List;
import java.util.Optional;

/**
 * Applies a {@link Dnp3Policy} to a whole request fragment. A function in {@code allow} passes on its function
 * code alone (so objects this codec does not know, such as a g50 time write, can still be allowed); a function
 * only in {@code allow-objects} is decoded in full and passes only if every object header matches a rule and
 * every index it addresses is listed. Anything that cannot be checked is denied.
 */
public final class RequestCheck {
    private final Dnp3Policy policy;

    public RequestCheck(Dnp3Policy policy) {
        this.policy = policy;
    }

    public Verdict check(byte[] fragment) {
        FunctionCode function;
        try {
            function = AppRequest.peekFunction(fragment);
        } catch (AppParseException e) {
            return Verdict.deny("unknown", "not a request: " + e.getMessage());
        }
        String name = function.name();
        // CONFIRM carries nothing; the outstation needs it to release the events it reported
        if (function == FunctionCode.CONFIRM || policy.allowed().contains(function)) {
            return Verdict.allow(name);
        }
        List<ObjectRule> rules = policy.objectRules().stream().filter(r -> r.functions().contains(function)).toList();
        if (rules.isEmpty()) {
            return firstObject(fragment).map(b -> Verdict.deny(name, b.header().group(), addressed(b),
                    "function " + name + " is not allowed")).orElse(Verdict.deny(name, "function " + name + " is not allowed"));
        }
        AppRequest request;
        try {
            request = AppRequest.decode(fragment);
        } catch (AppParseException e) {
            return Verdict.deny(name, "objects cannot be checked: " + e.getMessage());
        }
        if (request.objects().isEmpty()) {
            return Verdict.deny(name, name + " without objects matches no allow-objects entry");
        }
        for (ObjectBlock block : request.objects()) {
            Verdict v = checkBlock(function, block, rules);
            if (!v.allowed()) {
                return v;
            }
        }
        return Verdict.allow(name);
    }

    private static Verdict checkBlock(FunctionCode function, ObjectBlock block, List<ObjectRule> rules) {
        ObjectHeader h = block.header();
        String name = function.name();
        String object = "g" + h.group() + "v" + h.variation();
        List<ObjectRule> matching = rules.stream().filter(r -> r.covers(function, h.group(), h.variation())).toList();
        String addressed = addressed(block);
        if (matching.isEmpty()) {
            return Verdict.deny(name, h.group(), addressed, name + " on " + object + " is not allowed");
        }
        if (matching.stream().anyMatch(r -> r.indexes().isEmpty())) {
            return Verdict.allow(name);
        }
        if (h.range() instanceof ObjectRange.All || (h.range() instanceof ObjectRange.Count && block.prefixes().isEmpty())) {
            return Verdict.deny(name, h.group(), addressed, name + " on " + object + " names no indexes ("
                    + h.describe() + "), but only listed indexes are allowed");
        }
        if (h.range() instanceof ObjectRange.StartStop s) {
            int missing = firstMissing(matching, s.start(), s.stop());
            return missing < 0 ? Verdict.allow(name) : Verdict.deny(name, h.group(), addressed,
                    name + " on " + object + " index " + missing + " is not allowed");
        }
        for (int index : block.prefixes()) {
            if (firstMissing(matching, index, index) >= 0) {
                return Verdict.deny(name, h.group(), Integer.toString(index),
                        name + " on " + object + " index " + index + " is not allowed");
            }
        }
        return Verdict.allow(name);
    }

    /** The first object block of a request, if it decodes and has one: for the audit entry of a denied function. */
    private static Optional<ObjectBlock> firstObject(byte[] fragment) {
        try {
            return AppRequest.decode(fragment).objects().stream().findFirst();
        } catch (AppParseException e) {
            return Optional.empty();
        }
    }

    /** The first index of {@code first..last} that no matching rule lists, or -1. */
    private static int firstMissing(List<ObjectRule> rules, int first, int last) {
        for (int n = first; n <= last; n++) {
            int index = n;
            if (rules.stream().noneMatch(r -> r.indexes().orElseThrow().contains(index))) {
                return n;
            }
        }
        return -1;
    }

    /** The indexes a block addresses, for the audit entry: "3", "0-7", "1,4", "all", "count 2". */
    private static String addressed(ObjectBlock block) {
        ObjectRange r = block.header().range();
        if (r instanceof ObjectRange.All) {
            return "all";
        }
        if (r instanceof ObjectRange.StartStop s) {
            return s.start() == s.stop() ? Integer.toString(s.start()) : s.start() + "-" + s.stop();
        }
        if (block.prefixes().isEmpty()) {
            return "count " + r.count();
        }
        return String.join(",", block.prefixes().stream().limit(16).map(String::valueOf).toList())
                + (block.prefixes().size() > 16 ? ",..." : "");
    }
}
