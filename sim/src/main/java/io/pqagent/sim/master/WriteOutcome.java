package io.pqagent.sim.master;

/** What a master knows about one write after it returned. */
public enum WriteOutcome {
    /** The device answered that it carried the write out. */
    ACKNOWLEDGED,
    /** The device (or the policy in front of it) answered with a refusal: the write was not carried out. */
    REFUSED,
    /** No answer (connection lost, timeout): the write may or may not have been carried out. */
    UNKNOWN
}
