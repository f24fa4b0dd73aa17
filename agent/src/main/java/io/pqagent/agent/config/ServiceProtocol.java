package io.pqagent.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a forwarded service carries, which picks the stream filter. The agent itself has only the
 * {@link #RAW} filter; the others come from the protocol-adapters module when it is on the class path
 * (as in the build {@code bin/qsmp-agent} runs), and a stream for a protocol without its filter is refused.
 */
public enum ServiceProtocol {
    /** Bytes passed through unchanged. */
    RAW,
    /** Modbus/TCP (MBAP framing). */
    MODBUS,
    /** DNP3 over TCP (link-layer frames). */
    DNP3,
    /** OPC UA binary (UA TCP). */
    OPCUA;

    /** The spelling in the configuration file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ServiceProtocol> byConfigName(String text) {
        return Arrays.stream(values()).filter(p -> p.configName().equals(text)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(ServiceProtocol::configName).collect(Collectors.joining(", "));
    }
}
