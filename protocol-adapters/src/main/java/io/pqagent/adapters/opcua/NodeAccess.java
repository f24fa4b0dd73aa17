package io.pqagent.adapters.opcua;

/**
 * What a request does to the nodes it names, for the policy's {@code nodes:} lists. Each kind covers
 * every service that acts on nodes that way, so a list cannot be stepped around by another service:
 * <ul>
 * <li>{@link #READ}: Read and HistoryRead (nodesToRead), CreateMonitoredItems (itemToMonitor: a
 * subscription reads too);</li>
 * <li>{@link #WRITE}: Write (nodesToWrite), HistoryUpdate (each update's node);</li>
 * <li>{@link #CALL}: Call (each method's methodId).</li>
 * </ul>
 */
enum NodeAccess {
    READ("read"),
    WRITE("write"),
    CALL("call");

    private final String key;

    NodeAccess(String key) {
        this.key = key;
    }

    /** The key under {@code nodes:}. */
    String key() {
        return key;
    }

    static NodeAccess byKey(String key) {
        for (NodeAccess a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        return null;
    }
}
