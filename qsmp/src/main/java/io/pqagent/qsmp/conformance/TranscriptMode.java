package io.pqagent.qsmp.conformance;

/** The QSMP variant a transcript records. */
public enum TranscriptMode {
    DUPLEX("duplex"),
    SIMPLEX("simplex");

    private final String jsonName;

    TranscriptMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
