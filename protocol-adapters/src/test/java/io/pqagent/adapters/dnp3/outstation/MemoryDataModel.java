package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Points in arrays for tests: binary outputs follow the latch or trip/close a CROB asks for; operations are recorded. */
public final class MemoryDataModel implements OutstationDataModel {
    public final boolean[] binaryInputs;
    public final double[] analogInputs;
    public final long[] counters;
    public final boolean[] binaryOutputs;
    public final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    public MemoryDataModel(int binaryInputs, int analogInputs, int counters, int binaryOutputs) {
        this.binaryInputs = new boolean[binaryInputs];
        this.analogInputs = new double[analogInputs];
        this.counters = new long[counters];
        this.binaryOutputs = new boolean[binaryOutputs];
    }

    @Override
    public int binaryInputCount() {
        return binaryInputs.length;
    }

    @Override
    public synchronized boolean binaryInput(int index) {
        return binaryInputs[index];
    }

    @Override
    public int analogInputCount() {
        return analogInputs.length;
    }

    @Override
    public synchronized double analogInput(int index) {
        return analogInputs[index];
    }

    @Override
    public int counterCount() {
        return counters.length;
    }

    @Override
    public synchronized long counter(int index) {
        return counters[index];
    }

    @Override
    public int binaryOutputCount() {
        return binaryOutputs.length;
    }

    @Override
    public synchronized boolean binaryOutput(int index) {
        return binaryOutputs[index];
    }

    @Override
    public synchronized CommandStatus operateBinaryOutput(int index, Crob crob) {
        if (crob.code().requestedState().isEmpty()) {
            return CommandStatus.NOT_SUPPORTED;
        }
        binaryOutputs[index] = crob.code().requestedState().get();
        operations.add(index + "=" + binaryOutputs[index]);
        return CommandStatus.SUCCESS;
    }

    /** Changes happen under the model's lock, as a process model's writer would take it. */
    public synchronized void set(Runnable change) {
        change.run();
    }
}
