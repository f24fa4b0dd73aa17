package io.pqagent.adapters.opcua;

/** The fourth header byte (OPC 10000-6 §6.7.2.2): how a chunk relates to the message it belongs to. */
enum ChunkType {
    /** The final (or only) chunk of a message. */
    FINAL('F'),
    /** An intermediate chunk: more of the same message follows. */
    INTERMEDIATE('C'),
    /** The sender gives up on the message; the chunk carries an error code and reason instead of a body. */
    ABORT('A');

    private final char code;

    ChunkType(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    static ChunkType of(byte b) {
        for (ChunkType t : values()) {
            if (t.code == b) {
                return t;
            }
        }
        return null;
    }
}
