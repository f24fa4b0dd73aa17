package io.pqagent.qsmp.conformance;

/**
 * One draw a side made from its deterministic random stream ({@code random_requests.<side>}), in call
 * order. The array is the transcript's own; treat it as read-only.
 *
 * @param index   position among this side's draws
 * @param offset  where in the side's stream the draw starts
 * @param bytes   the bytes drawn
 * @param caller  the function that drew them
 * @param purpose what they were for, in words
 */
public record RandomRequest(int index, long offset, byte[] bytes, String caller, String purpose) {

    public int length() {
        return bytes.length;
    }
}
