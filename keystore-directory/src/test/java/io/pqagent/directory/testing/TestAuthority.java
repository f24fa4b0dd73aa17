package io.pqagent.directory.testing;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An authority for tests, with shortcuts to make agent keys and sign their records. */
public final class TestAuthority implements AutoCloseable {
    public static final ParameterSet SET = ParameterSet.DEFAULT;
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private final RecordAuthority authority;

    public TestAuthority() {
        SigningKeyPair pair = RecordAuthority.generate(EntropySource.system());
        this.authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
        pair.signingKey().close();
    }

    public AuthorityKey publicKey() {
        return authority.publicKey();
    }

    public static SigningKeyRecord agentKey(long expiration) {
        return KeyGeneration.generate(SET, KeyId.random(EntropySource.system()), expiration, EntropySource.system());
    }

    public static long nextSerial() {
        return SERIALS.incrementAndGet();
    }

    public SignedRecord register(PublicKeyRecord key, String owner) {
        return sign(DirectoryRecord.active(key, nextSerial(), 1, owner, "site-a", List.of("plc-gateway")));
    }

    public SignedRecord revoke(DirectoryRecord current) {
        return sign(current.revoked(nextSerial(), 2));
    }

    public SignedRecord sign(DirectoryRecord record) {
        return authority.sign(record, EntropySource.system());
    }

    @Override
    public void close() {
        authority.close();
    }
}
