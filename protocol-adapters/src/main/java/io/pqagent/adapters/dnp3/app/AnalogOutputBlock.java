package io.pqagent.adapters.dnp3.app;

/** Analog output block, g41 (value of the variation's width, then the status octet). */
public record AnalogOutputBlock(double value, CommandStatus status) implements DnpObject {
}
