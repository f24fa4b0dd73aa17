package io.pqagent.adapters.dnp3.app;

/** An application fragment that breaks IEEE 1815 or leaves this codec's scope; the message says where and how. */
public final class AppParseException extends Exception {
    public AppParseException(String message) {
        super(message);
    }
}
