package io.pqagent.qsmp.conformance;

/** The key and nonce one side passed to the RCS initialization for one direction. */
public record KeyNonce(byte[] key, byte[] nonce) {
}
