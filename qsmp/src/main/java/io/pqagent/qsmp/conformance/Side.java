package io.pqagent.qsmp.conformance;

/** One of the two peers of a recorded session: the connecting client or the listening server. */
public enum Side {
    CLIENT("client"),
    SERVER("server");

    private final String jsonName;

    Side(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The member name the transcripts use for this side. */
    public String jsonName() {
        return jsonName;
    }

    public Side peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
