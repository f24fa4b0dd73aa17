package io.pqagent.directory.record;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.util.List;

/**
 * A throw-away directory authority and peer keys for tests. Peer keys are dilithium-s1 (ML-DSA-44), the
 * quickest to generate; the authority is ML-DSA-87 as always.
 */
public final class RecordFixtures implements AutoCloseable {
    /** 2033-05-18: far enough ahead for every test. */
    public static final long EXPIRATION = 2_000_000_000L;
    public static final ParameterSet PEER_SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    private final EntropySource entropy = EntropySource.system();
    private final RecordAuthority authority;
    /** Kept to sign arbitrary bytes (forgeries a test needs); wiped by {@link #close()}. */
    private final byte[] authoritySigningKey;

    public RecordFixtures() {
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (var sk = pair.signingKey()) {
            authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), sk);
            authoritySigningKey = sk.copy();
        }
    }

    /** The authority's signature over exactly {@code message}, no context added. */
    public byte[] signRaw(byte[] message) {
        return AuthorityKey.ALGORITHM.instance().sign(authoritySigningKey, message, entropy);
    }

    public AuthorityKey authorityKey() {
        return authority.publicKey();
    }

    public RecordAuthority authority() {
        return authority;
    }

    /** A fresh peer key with a random key id. */
    public PublicKeyRecord newKey() {
        return newKey(PEER_SET, KeyId.random(entropy));
    }

    public PublicKeyRecord newKey(ParameterSet set, KeyId keyId) {
        return newKey(set, keyId, EXPIRATION);
    }

    /** A fresh peer key of {@link #PEER_SET} that expires at {@code expiration}. */
    public PublicKeyRecord newKey(long expiration) {
        return newKey(PEER_SET, KeyId.random(entropy), expiration);
    }

    public PublicKeyRecord newKey(ParameterSet set, KeyId keyId, long expiration) {
        try (SigningKeyRecord key = KeyGeneration.generate(set, keyId, expiration, entropy)) {
            return key.publicRecord();
        }
    }

    public DirectoryRecord active(PublicKeyRecord key, long serial, String owner) {
        return DirectoryRecord.active(key, serial, 1_700_000_000L + serial, owner, "plant-1", List.of("hmi"));
    }

    public SignedRecord sign(DirectoryRecord record) {
        return authority.sign(record, entropy);
    }

    /** The revocation of {@code current} with the next serial. */
    public SignedRecord revoke(DirectoryRecord current) {
        return sign(current.revoked(current.serial() + 1, current.issuedAt() + 1));
    }

    public SignedRecord signActive(PublicKeyRecord key, long serial, String owner) {
        return sign(active(key, serial, owner));
    }

    @Override
    public void close() {
        authority.close();
        java.util.Arrays.fill(authoritySigningKey, (byte) 0);
    }
}
