package io.pqagent.qsmp.conformance;

/**
 * One side's live connection state, read at a named point of the script
 * ({@code secrets.<side>.checkpoints}). Arrays are the transcript's own; treat them as read-only.
 *
 * @param name      where in the script, e.g. {@code "session_established"}
 * @param rtcs      the ratchet chain secret
 * @param txseq     the transmit sequence counter
 * @param rxseq     the receive sequence counter
 * @param txNonce   the transmit cipher's nonce
 * @param txCounter the transmit cipher's byte counter
 * @param rxNonce   the receive cipher's nonce
 * @param rxCounter the receive cipher's byte counter
 */
public record StateCheckpoint(String name, byte[] rtcs, long txseq, long rxseq, byte[] txNonce, long txCounter,
        byte[] rxNonce, long rxCounter) {
}
