package io.pqagent.qsmp.conformance;

/** Which way a recorded packet travelled. */
public enum PacketDirection {
    /** Client to server ({@code "c2s"}). */
    C2S("c2s", Side.CLIENT),
    /** Server to client ({@code "s2c"}). */
    S2C("s2c", Side.SERVER);

    private final String jsonName;
    private final Side sender;

    PacketDirection(String jsonName, Side sender) {
        this.jsonName = jsonName;
        this.sender = sender;
    }

    public String jsonName() {
        return jsonName;
    }

    public Side sender() {
        return sender;
    }

    public Side receiver() {
        return sender.peer();
    }
}
