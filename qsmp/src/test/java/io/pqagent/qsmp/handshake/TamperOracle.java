package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.QsmpError;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reference does when one bit of a handshake packet is flipped on the wire (QSMP-WIRE §3):
 * the code the receiver fails with, or {@code null} where the reference leaves the bit unprotected and
 * the handshake completes. Fields are listed per packet with their offsets in the packet.
 */
final class TamperOracle {
    /** A byte range of one packet and the code a flipped bit in it produces. */
    record Field(String name, int offset, int length, QsmpError code, boolean variable) {
    }

    static final int HEADER = 21;
    /** Time-field bits whose flip keeps utctime within ±60 s: 2^5 = 32 ≤ 60 < 64 = 2^6. */
    static final int LAST_BIT_WITHIN_WINDOW = 5;

    private TamperOracle() {
    }

    static int packetCount(Mode mode) {
        return mode == Mode.DUPLEX ? 6 : 4;
    }

    /** Header validation failures of this packet are all reported as packet_unsequenced (§3.2 step 7, §3.3). */
    static boolean remapsHeaderFailures(Mode mode, int packet) {
        return mode == Mode.DUPLEX ? packet == 5 : packet != 2;
    }

    /**
     * The result of a time-field flip that stays inside the window: the header is hashed into a signed
     * hash or is the AD of the establish messages, except in Simplex's unsigned client packets and the
     * bare exchange response, which nothing protects.
     */
    static QsmpError timeWithinWindow(Mode mode, int packet) {
        if (mode == Mode.DUPLEX) {
            return switch (packet) {
                case 0, 1, 3 -> QsmpError.VERIFY_FAILURE;
                case 2 -> QsmpError.HASH_INVALID;
                default -> QsmpError.DECRYPTION_FAILURE;
            };
        }
        return packet == 1 ? QsmpError.HASH_INVALID : null;
    }

    /** The code for a flipped bit of the header, or null when the handshake completes. */
    static QsmpError headerBit(Mode mode, int packet, int byteIndex, int bit) {
        QsmpError raw;
        if (byteIndex == 0) {
            raw = QsmpError.INVALID_REQUEST;
        } else if (byteIndex < 5) {
            raw = QsmpError.RECEIVE_FAILURE;
        } else if (byteIndex < 13) {
            raw = QsmpError.PACKET_UNSEQUENCED;
        } else {
            int timeBit = (byteIndex - 13) * 8 + bit;
            if (timeBit <= LAST_BIT_WITHIN_WINDOW) {
                return timeWithinWindow(mode, packet);
            }
            raw = QsmpError.MESSAGE_TIME_INVALID;
        }
        return remapsHeaderFailures(mode, packet) ? QsmpError.PACKET_UNSEQUENCED : raw;
    }

    /** The payload fields of each handshake packet, with the code a flipped bit produces. */
    static List<Field> payloadFields(Mode mode, int packet, ParameterSet set) {
        int sig = set.signatureAlgorithm().signatureSize();
        int pk = set.kemAlgorithm().publicKeySize();
        int ct = set.kemAlgorithm().ciphertextSize();
        List<Field> f = new ArrayList<>();
        int o = HEADER;
        if (mode == Mode.DUPLEX) {
            switch (packet) {
                case 0 -> {
                    // the listener's key query ignores the key id (as the C sample does); it is hashed into h1
                    o = add(f, "kid", o, 16, QsmpError.VERIFY_FAILURE, false);
                    o = add(f, "cfg", o, 48, QsmpError.UNKNOWN_PROTOCOL, false);
                    o = add(f, "signature", o, sig, QsmpError.AUTHENTICATION_FAILURE, true);
                    add(f, "h1", o, 64, QsmpError.AUTHENTICATION_FAILURE, false);
                }
                case 1 -> {
                    o = add(f, "signature", o, sig, QsmpError.AUTHENTICATION_FAILURE, true);
                    o = add(f, "h2", o, 64, QsmpError.AUTHENTICATION_FAILURE, false);
                    add(f, "pk_s", o, pk, QsmpError.VERIFY_FAILURE, true);
                }
                case 2 -> {
                    o = add(f, "ct_c", o, ct, QsmpError.HASH_INVALID, true);
                    o = add(f, "pk_c", o, pk, QsmpError.HASH_INVALID, true);
                    o = add(f, "signature", o, sig, QsmpError.AUTHENTICATION_FAILURE, true);
                    add(f, "h3", o, 64, QsmpError.AUTHENTICATION_FAILURE, false);
                }
                case 3 -> {
                    o = add(f, "ct_s", o, ct, QsmpError.VERIFY_FAILURE, true);
                    o = add(f, "signature", o, sig, QsmpError.AUTHENTICATION_FAILURE, true);
                    add(f, "h4", o, 64, QsmpError.AUTHENTICATION_FAILURE, false);
                }
                default -> {
                    o = add(f, "encrypted cookie", o, 64, QsmpError.DECRYPTION_FAILURE, true);
                    add(f, "tag", o, 64, QsmpError.DECRYPTION_FAILURE, true);
                }
            }
        } else {
            switch (packet) {
                case 0 -> {
                    o = add(f, "kid", o, 16, QsmpError.KEY_UNRECOGNIZED, false);
                    add(f, "cfg", o, 48, QsmpError.UNKNOWN_PROTOCOL, false);
                }
                case 1 -> {
                    o = add(f, "signature", o, sig, QsmpError.AUTHENTICATION_FAILURE, true);
                    o = add(f, "h", o, 32, QsmpError.AUTHENTICATION_FAILURE, false);
                    add(f, "pk", o, pk, QsmpError.HASH_INVALID, true);
                }
                case 2 -> add(f, "ct", o, ct, QsmpError.DECAPSULATION_FAILURE, true);
                default -> {
                    // the exchange response has no payload
                }
            }
        }
        return f;
    }

    private static int add(List<Field> f, String name, int offset, int length, QsmpError code, boolean variable) {
        f.add(new Field(name, offset, length, code, variable));
        return offset + length;
    }
}
