package io.pqagent.agent.filter;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The providers on the class path, by protocol name. */
public final class StreamFilters {
    private final Map<String, StreamFilterProvider> byProtocol;

    private StreamFilters(Map<String, StreamFilterProvider> byProtocol) {
        this.byProtocol = Map.copyOf(byProtocol);
    }

    /** Every provider {@link ServiceLoader} finds; two providers of one protocol are a packaging error. */
    public static StreamFilters load() {
        Map<String, StreamFilterProvider> found = new TreeMap<>();
        for (StreamFilterProvider p : ServiceLoader.load(StreamFilterProvider.class)) {
            StreamFilterProvider previous = found.putIfAbsent(p.protocol(), p);
            if (previous != null) {
                throw new IllegalStateException("two stream filters for protocol '" + p.protocol() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new StreamFilters(found);
    }

    public Optional<StreamFilterProvider> forProtocol(String protocol) {
        return Optional.ofNullable(byProtocol.get(protocol));
    }

    /** The protocol names available in this build, for error messages and {@code status}. */
    public java.util.Set<String> protocols() {
        return new java.util.TreeSet<>(byProtocol.keySet());
    }
}
