package io.pqagent.keystore;

/**
 * Where a store is in a rotation. Derived on every call from the files (which survive restarts) and the
 * clock, never kept apart from them.
 *
 * <pre>
 * STEADY --prepareNext--> PREPARED --publishNext / markNextPublished--> OVERLAP --(overlap ends)--> RETIRE_DUE
 *    ^                                                                      |                            |
 *    +---------------------------- retire (retireEarly from OVERLAP) -------+----------------------------+
 * </pre>
 */
public enum RotationPhase {
    /** One identity, {@code current.qid}. */
    STEADY,
    /** {@code next.qid} exists but is not published: peers cannot know it, only the current one is used. */
    PREPARED,
    /** The next identity is published; both are accepted until the overlap window ends. */
    OVERLAP,
    /** The overlap window has ended: only the new identity is used, {@link IdentityStore#retire()} finishes. */
    RETIRE_DUE
}
