package io.pqagent.qsmp.conformance;

/**
 * The configuration string of a session ({@code config_string}): its text and the 48-byte NUL-padded
 * field exactly as it is hashed and sent. The array is the transcript's own; treat it as read-only.
 */
public record TranscriptConfig(String text, byte[] field48) {
}
