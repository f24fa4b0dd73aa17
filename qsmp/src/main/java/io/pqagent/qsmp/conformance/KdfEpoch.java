package io.pqagent.qsmp.conformance;

import java.util.Map;

/**
 * One key derivation of one side: the handshake, then each ratchet ({@code secrets.<side>.kdf_epochs}).
 * The cSHAKE call is {@code cSHAKE(X, N, S)} at {@code rate}; {@code output} is what it squeezed.
 * Arrays are the transcript's own; treat them as read-only.
 *
 * @param trigger   {@code "handshake"}, {@code "symmetric_ratchet"} or {@code "asymmetric_ratchet"}
 * @param x         the key input X
 * @param n         the name input N
 * @param s         the customization input S (empty for Simplex)
 * @param rate      the sponge rate in bytes (72 or 136)
 * @param inputs    the named values the inputs were made from (e.g. {@code "token"}, {@code "cfg48"},
 *                  {@code "previous_rtcs"}), in the order recorded, names without the {@code _hex} suffix
 * @param output    the squeezed bytes
 * @param tx        the transmit key and nonce this side used
 * @param rx        the receive key and nonce this side used
 * @param rtcsAfter the ratchet chain secret after this derivation
 */
public record KdfEpoch(String trigger, byte[] x, byte[] n, byte[] s, int rate, Map<String, byte[]> inputs,
        byte[] output, KeyNonce tx, KeyNonce rx, byte[] rtcsAfter) {
}
