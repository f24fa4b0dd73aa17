package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An unlocked identity: the signing key record (key id, configuration, expiration, keys) and when it was
 * created and published, in protocol seconds. {@link #close()} wipes the signing key; nothing secret is
 * ever printed. Owned by the {@link IdentityStore} that loaded it.
 */
public final class Identity implements AutoCloseable {
    private final SigningKeyRecord key;
    private final long createdAt;
    private final long publishedAt;

    /** Takes ownership of {@code key}. {@code publishedAt} is 0 while the identity is not published. */
    Identity(SigningKeyRecord key, long createdAt, long publishedAt) {
        this.key = Objects.requireNonNull(key, "key");
        if (createdAt < 0 || publishedAt < 0) {
            throw new IllegalArgumentException("times are protocol seconds since 1970");
        }
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
    }

    /** The same key, marked published at {@code at}; both objects share the key. */
    Identity published(long at) {
        return new Identity(key, createdAt, at);
    }

    /** What signs: valid until {@link #close()}. */
    public SigningKeyRecord signingKey() {
        return key;
    }

    /** What the directory and the peers get. */
    public PublicKeyRecord publicRecord() {
        return key.publicRecord();
    }

    public KeyId keyId() {
        return key.keyId();
    }

    public ConfigString config() {
        return key.config();
    }

    public long expiration() {
        return key.expiration();
    }

    public long createdAt() {
        return createdAt;
    }

    /** When the next identity was published (the start of the overlap window); empty if never. */
    public OptionalLong publishedAt() {
        return publishedAt == 0 ? OptionalLong.empty() : OptionalLong.of(publishedAt);
    }

    /** QSMP-WIRE §3.2 step 1: usable while {@code now <= expiration}. */
    public boolean isExpiredAt(long now) {
        return key.publicRecord().isExpiredAt(now);
    }

    @Override
    public void close() {
        key.close();
    }

    @Override
    public String toString() {
        return "Identity[" + key.config().text() + ", keyId=" + key.keyId() + ", expires "
                + Instant.ofEpochSecond(key.expiration()) + ", created " + Instant.ofEpochSecond(createdAt)
                + (publishedAt == 0 ? "" : ", published " + Instant.ofEpochSecond(publishedAt))
                + ", signingKey=<secret>]";
    }
}
