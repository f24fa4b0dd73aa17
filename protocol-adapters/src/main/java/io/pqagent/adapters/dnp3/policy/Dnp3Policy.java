package io.pqagent.adapters.dnp3.policy;

import io.pqagent.adapters.dnp3.app.FunctionCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for one peer's requests through one service.
 *
 * @param allowed     functions allowed on any objects ({@code allow}); CONFIRM always passes
 * @param objectRules functions allowed only on listed objects ({@code allow-objects})
 * @param masters     link source addresses the master may use ({@code masters}); empty: any
 * @param outstations link destination addresses it may reach ({@code outstations}); empty: any
 * @param maxFragment largest request fragment reassembled ({@code max-fragment})
 */
public record Dnp3Policy(Set<FunctionCode> allowed, List<ObjectRule> objectRules, Optional<IndexSet> masters,
        Optional<IndexSet> outstations, int maxFragment) {
    public static final int DEFAULT_MAX_FRAGMENT = 2048;
    /** One full transport segment; a smaller limit would refuse ordinary requests. */
    public static final int MIN_MAX_FRAGMENT = 249;
    public static final int MAX_MAX_FRAGMENT = 65_536;

    public Dnp3Policy {
        allowed = Set.copyOf(allowed);
        objectRules = List.copyOf(objectRules);
    }

    /** With no policy keys at all: READ only, any address. */
    public static Dnp3Policy readOnly() {
        return new Dnp3Policy(Set.of(FunctionCode.READ), List.of(), Optional.empty(), Optional.empty(),
                DEFAULT_MAX_FRAGMENT);
    }
}
