package io.pqagent.agent.filter;

import java.util.Map;

/** What a filter may do with the bytes it inspected. */
public interface FilterOutput {

    /** Forward to the target (allowed request). */
    void toTarget(byte[] data);

    /** Answer the master directly, e.g. a protocol exception for a denied request; the target never sees it. */
    void toOpener(byte[] data);

    /** End the stream (malformed or hostile input); the tunnel and the other streams are untouched. */
    void reset(String reason);

    /** A security event for the audit log (denials, malformed frames), with plain values. */
    void audit(String event, Map<String, ?> fields);
}
