package io.pqagent.agent.mux;

/** Which ratchet a RATCHET_REQUEST asks the dialing side to start (docs/agent-framing.md §6). */
public enum RatchetKind {
    /** The symmetric ratchet (QSMP-WIRE: new keys derived from the current session). */
    SYMMETRIC(0x01),
    /** The asymmetric ratchet (a fresh key encapsulation inside the tunnel). */
    ASYMMETRIC(0x02);

    private final int code;

    RatchetKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the kind, or null for a code we do not know */
    static RatchetKind fromCode(int code) {
        for (RatchetKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
