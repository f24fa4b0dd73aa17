package io.pqagent.qsmp.conformance;

/** A value recorded once for each side of the session. */
public record PerSide<T>(T client, T server) {

    public T get(Side side) {
        return side == Side.CLIENT ? client : server;
    }
}
