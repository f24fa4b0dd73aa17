package io.pqagent.qsmp.conformance;

/**
 * How a negative case modified one packet on the wire after its sender built it ({@code tamper}).
 *
 * @param spec        the harness's compact form, {@code flag:occurrence:offset:operation:operand}
 * @param description the same in words
 */
public record Tamper(String spec, String description) {
}
