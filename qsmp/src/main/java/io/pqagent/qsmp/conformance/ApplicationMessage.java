package io.pqagent.qsmp.conformance;

/**
 * A message an application handed to its side of the session, or one delivered to it
 * ({@code application_messages}). The array is the transcript's own; treat it as read-only.
 *
 * @param side  the application's side
 * @param event {@code "sent"} or {@code "delivered to application"}
 * @param label the script's name for the message (empty for deliveries)
 * @param data  the message bytes
 */
public record ApplicationMessage(Side side, String event, String label, byte[] data) {
    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered to application";

    public boolean sent() {
        return SENT.equals(event);
    }

    public boolean delivered() {
        return DELIVERED.equals(event);
    }
}
