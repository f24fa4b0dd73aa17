package io.pqagent.adapters.dnp3.app;

/** One decoded object of a supported variation; the {@link ObjectVariation}'s kind says which record. */
public sealed interface DnpObject permits BinaryPoint, CounterPoint, AnalogPoint, Crob, AnalogOutputBlock {
}
