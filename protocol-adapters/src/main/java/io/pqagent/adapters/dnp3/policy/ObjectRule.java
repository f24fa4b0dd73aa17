package io.pqagent.adapters.dnp3.policy;

import io.pqagent.adapters.dnp3.app.FunctionCode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One {@code allow-objects} entry: {@code functions} may act on objects of {@code group} (and
 * {@code variation}, if given) at {@code indexes} (any index, if not given).
 */
public record ObjectRule(Set<FunctionCode> functions, int group, OptionalInt variation, Optional<IndexSet> indexes) {
    public ObjectRule {
        functions = Set.copyOf(functions);
    }

    public boolean covers(FunctionCode function, int group, int variation) {
        return functions.contains(function) && this.group == group
                && (this.variation.isEmpty() || this.variation.getAsInt() == variation);
    }
}
