package io.pqagent.qsmp.session;

import io.pqagent.qsmp.crypto.ConstantTime;
import io.pqagent.qsmp.crypto.DecapsulationException;
import io.pqagent.qsmp.crypto.Encapsulation;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.KemKeyPair;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Sha3;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.QsmpConstants;
import io.pqagent.qsmp.wire.QsmpError;
import java.util.Arrays;

/**
 * The plaintexts of the asymmetric ratchet (QSMP-WIRE §7.2), signed with the long-term keys:
 *
 * <pre>
 * request  | signature (SIG) | SHA3-256(pk) (32) | fresh KEM public key pk (PK) |
 * response | signature (SIG) | SHA3-256(ct) (32) | ciphertext ct (CT)           |
 * </pre>
 *
 * The session encrypts them like any tunnel packet; this class holds the initiator's pending private
 * key between request and response.
 */
final class AsymmetricRatchet implements AutoCloseable {
    private static final int HASH = QsmpConstants.SIMPLEX_HASH_SIZE;

    private final ParameterSet set;
    private final EntropySource entropy;
    private final int sig;
    private KemKeyPair pending;

    AsymmetricRatchet(ParameterSet set, EntropySource entropy) {
        this.set = set;
        this.entropy = entropy;
        this.sig = set.signatureAlgorithm().signatureSize();
    }

    int requestSize() {
        return sig + HASH + set.kemAlgorithm().publicKeySize();
    }

    int responseSize() {
        return sig + HASH + set.kemAlgorithm().ciphertextSize();
    }

    boolean pending() {
        return pending != null;
    }

    /** The initiator's request plaintext; a fresh key pair replaces any earlier pending one. */
    byte[] request(SigningKeyRecord localKey) {
        close();
        pending = set.kem().generateKeyPair(entropy);
        byte[] pk = pending.publicKey();
        byte[] signed = localKey.signHash(Sha3.sha256(pk), entropy);
        return concat(signed, pk);
    }

    /** The responder's answer and the new shared secret, or {@code null} if the request is not genuine. */
    Answer answer(byte[] plain, byte[] peerVerificationKey, SigningKeyRecord localKey) {
        byte[] hash = set.signer().openSignedHash(peerVerificationKey, plain, 0, HASH);
        byte[] pk = Arrays.copyOfRange(plain, sig + HASH, plain.length);
        if (hash == null || !ConstantTime.equals(hash, Sha3.sha256(pk))) {
            return null;
        }
        Encapsulation enc;
        try {
            enc = set.kem().encapsulate(pk, entropy);
        } catch (IllegalArgumentException malformedKey) {
            return null;
        }
        byte[] ct = enc.ciphertext();
        byte[] signed = localKey.signHash(Sha3.sha256(ct), entropy);
        return new Answer(concat(signed, ct), enc.sharedSecret());
    }

    /** The initiator recovers the shared secret from the response. */
    SecretBytes complete(byte[] plain, byte[] peerVerificationKey) throws RatchetFailure {
        try {
            byte[] hash = set.signer().openSignedHash(peerVerificationKey, plain, 0, HASH);
            byte[] ct = Arrays.copyOfRange(plain, sig + HASH, plain.length);
            if (hash == null || !ConstantTime.equals(hash, Sha3.sha256(ct))) {
                throw new RatchetFailure(QsmpError.KEYCHAIN_FAIL, "asymmetric ratchet response does not verify");
            }
            return set.kem().decapsulate(pending.privateKey().bytes(), ct);
        } catch (DecapsulationException e) {
            throw new RatchetFailure(QsmpError.DECAPSULATION_FAILURE, e.getMessage());
        } finally {
            close();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.privateKey().close();
            pending = null;
        }
    }

    record Answer(byte[] plaintext, SecretBytes secret) {
        @Override
        public String toString() {
            return "Answer[<secret>]";
        }
    }

    static final class RatchetFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient QsmpError error;

        RatchetFailure(QsmpError error, String message) {
            super(message);
            this.error = error;
        }

        QsmpError error() {
            return error;
        }
    }
}
