package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.RcsCipher;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpConstants;

/**
 * The establish messages are the first packets on the session ciphers: 64 bytes RCS-512 encrypted
 * with the header as associated data, in a 64-byte tag field. With QMAC the tag is 32 bytes; we send
 * zeros in the unused half (profile rule 2) and ignore it on receipt, as the reference does.
 */
final class EstablishCrypto {
    private static final int BODY = QsmpConstants.DUPLEX_SCHASH_SIZE;
    private static final int TAG_FIELD = QsmpConstants.DUPLEX_MACTAG_SIZE;

    private EstablishCrypto() {
    }

    static byte[] seal(RcsCipher tx, PacketHeader header, byte[] plaintext64) {
        byte[] ad = header.encode();
        byte[] out = new byte[BODY + TAG_FIELD];
        tx.setAssociated(ad, 0, ad.length);
        tx.encrypt(plaintext64, 0, BODY, out, 0);
        return out;
    }

    /** The 64-byte plaintext, or {@code null} if the tag does not verify. */
    static byte[] open(RcsCipher rx, PacketHeader header, byte[] payload) {
        byte[] ad = header.encode();
        byte[] plain = new byte[BODY];
        rx.setAssociated(ad, 0, ad.length);
        return rx.decrypt(payload, 0, BODY, payload, BODY, plain, 0) ? plain : null;
    }
}
