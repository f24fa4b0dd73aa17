package io.pqagent.agent.link;

/**
 * Of two agents, the one whose name sorts first dials; the other only listens. Names, not key ids:
 * they are unique in the directory and stay the same when an identity rotates, so the rule never flips
 * mid-rotation and two agents never hold two tunnels to each other.
 */
public final class DialRule {
    private DialRule() {
    }

    public static boolean weDial(String ourName, String peerName) {
        int c = ourName.compareTo(peerName);
        if (c == 0) {
            throw new IllegalArgumentException("a peer cannot have this agent's own name '" + ourName + "'");
        }
        return c < 0;
    }
}
