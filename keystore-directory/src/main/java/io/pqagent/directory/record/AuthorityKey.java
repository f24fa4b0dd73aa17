package io.pqagent.directory.record;

import io.pqagent.qsmp.crypto.SignatureAlgorithm;
import io.pqagent.qsmp.crypto.Sha3;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The directory authority's public key, which agents and replicas pin. Only records signed by the
 * matching private key ({@link RecordAuthority}) are ever accepted. ML-DSA-87, whatever the agents'
 * own parameter set: the authority key lives long and signs little.
 */
public final class AuthorityKey {
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.ML_DSA_87;

    private final byte[] verificationKey;
    private final byte[] fingerprint;

    public AuthorityKey(byte[] verificationKey) {
        if (verificationKey.length != ALGORITHM.verificationKeySize()) {
            throw new IllegalArgumentException("an authority key is an ML-DSA-87 verification key of "
                    + ALGORITHM.verificationKeySize() + " bytes, got " + verificationKey.length);
        }
        this.verificationKey = verificationKey.clone();
        this.fingerprint = Sha3.sha256(verificationKey);
    }

    public byte[] verificationKey() {
        return verificationKey.clone();
    }

    /** SHA3-256 of the verification key: what an operator compares when pinning. */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }

    boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != ALGORITHM.signatureSize()) {
            return false;
        }
        return ALGORITHM.instance().verify(verificationKey, message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorityKey a && Arrays.equals(verificationKey, a.verificationKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "AuthorityKey[ML-DSA-87, sha3-256=" + fingerprintHex() + "]";
    }
}
