package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;

/**
 * The process behind an outstation: the simulator plugs its process model in here.
 *
 * <p>Point counts are read once, when the {@link Outstation} is built, and must not change afterwards.
 * Values are read on the outstation's threads, under its lock, whenever a request arrives or
 * {@link Outstation#scan()} is called; a change since the previous read becomes an event (binary inputs
 * class 1, analog inputs class 2, counters class 3). The outstation calls the binary output methods only
 * with an index below {@link #binaryOutputCount()}.
 */
public interface OutstationDataModel {

    int binaryInputCount();

    boolean binaryInput(int index);

    int analogInputCount();

    double analogInput(int index);

    int counterCount();

    /** The counter's value; only its low 32 bits are reported (counters roll over). */
    long counter(int index);

    int binaryOutputCount();

    /** The output's present state, reported as binary output status (g10v2). */
    boolean binaryOutput(int index);

    /**
     * SELECT: whether {@code crob} could be carried out on output {@code index} now, without acting. The
     * default accepts a CROB that names a state ({@link io.pqagent.adapters.dnp3.app.ControlCode#requestedState()})
     * and refuses the rest with {@link CommandStatus#NOT_SUPPORTED}.
     */
    default CommandStatus selectBinaryOutput(int index, Crob crob) {
        return crob.code().requestedState().isPresent() ? CommandStatus.SUCCESS : CommandStatus.NOT_SUPPORTED;
    }

    /**
     * Carries out {@code crob} on output {@code index}: an OPERATE that matched its SELECT, or a
     * DIRECT_OPERATE. Returns the status the master sees.
     */
    CommandStatus operateBinaryOutput(int index, Crob crob);
}
