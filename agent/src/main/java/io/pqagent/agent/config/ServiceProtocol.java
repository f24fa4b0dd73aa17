package io.pqagent.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a forwarded service carries, which picks the stream filter. Only {@link #RAW} has a filter so far;
 * the others are accepted now so that configurations written for the protocol adapters load unchanged.
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
