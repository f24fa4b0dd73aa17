package io.pqagent.agent.filter;

/**
 * The service-provider interface: one provider per protocol name ({@code raw}, {@code modbus},
 * {@code dnp3}, {@code opcua}), found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.pqagent.agent.filter.StreamFilterProvider}, so protocol adapters plug in
 * by being on the class path; the agent does not depend on them.
 */
public interface StreamFilterProvider {

    /** The name a service's {@code protocol:} setting uses. */
    String protocol();

    /**
     * Checks a service's policy when the configuration is loaded, so a bad policy is a config error,
     * not a surprise on the first stream.
     *
     * @throws IllegalArgumentException naming the policy key and what is wrong with it
     */
    default void validate(FilterContext context) {
    }

    /** A filter for one new stream. */
    StreamFilter open(FilterContext context);
}
