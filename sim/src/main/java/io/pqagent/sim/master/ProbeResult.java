package io.pqagent.sim.master;

/** How a write the policy must refuse (a probe) ended, as the master saw it. */
public enum ProbeResult {
    /** Refused: a Modbus exception, an OPC UA Bad status, or (DNP3, whose filter drops) no answer at all. */
    DENIED,
    /** The device answered that it carried the write out: the policy was bypassed. */
    CARRIED_OUT,
    /** The connection failed, so the probe proves nothing. */
    FAILED
}
