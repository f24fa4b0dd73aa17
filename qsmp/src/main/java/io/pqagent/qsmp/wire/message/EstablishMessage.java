package io.pqagent.qsmp.wire.message;

import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * Duplex steps 5 and 6, flags 0x09 / 0x0A (QSMP-WIRE §3.2): the session cookie (request) or its
 * SHA3-512 (response), RCS-512 encrypted with the header as associated data:
 *
 * <pre>
 * | ciphertext (64) | tag field (64; a QMAC tag fills the first 32, zeros after) |
 * </pre>
 */
public final class EstablishMessage {
    private EstablishMessage() {
    }

    public static final int PAYLOAD_SIZE = QsmpConstants.DUPLEX_SCHASH_SIZE + QsmpConstants.DUPLEX_MACTAG_SIZE;
}
