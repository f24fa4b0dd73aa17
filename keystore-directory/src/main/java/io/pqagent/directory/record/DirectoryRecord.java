package io.pqagent.directory.record;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the directory authority vouches for: a peer's verification key with its key id, configuration,
 * expiration (protocol seconds, profile rule 4), owner, site and role labels, status, and a serial number
 * that orders the records of one key id (a higher serial replaces a lower one, never the reverse).
 *
 * <p>The constructor enforces every field limit, so a record that exists can always be encoded;
 * {@link RecordCodec} reports the same limits as {@link DirectoryError#FIELD_TOO_LARGE} when decoding.
 */
public record DirectoryRecord(
        long serial,
        long issuedAt,
        KeyId keyId,
        ConfigString config,
        byte[] verificationKey,
        long expiration,
        RecordStatus status,
        String owner,
        String site,
        List<String> roles) {

    public static final int MAX_OWNER_BYTES = 64;
    public static final int MAX_SITE_BYTES = 64;
    public static final int MAX_ROLES = 16;
    public static final int MAX_ROLE_BYTES = 32;
    /** Owner names, sites and roles are labels an operator types and greps for: no spaces or controls. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._@:-]*");

    public DirectoryRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(site, "site");
        roles = List.copyOf(roles);
        if (serial <= 0) {
            throw new IllegalArgumentException("serial must be positive, got " + serial);
        }
        if (expiration < 0 || expiration > PublicKeyRecord.MAX_EXPIRATION) {
            throw new IllegalArgumentException("expiration " + expiration + " is outside 0.."
                    + PublicKeyRecord.MAX_EXPIRATION);
        }
        ParameterSet set = ParameterSet.byText(config.text()).orElseThrow(() -> new IllegalArgumentException(
                "configuration '" + config.text() + "' is not a parameter set we implement"));
        int vkSize = set.signatureAlgorithm().verificationKeySize();
        if (verificationKey.length != vkSize) {
            throw new IllegalArgumentException(config.text() + " verification keys are " + vkSize
                    + " bytes, got " + verificationKey.length);
        }
        verificationKey = verificationKey.clone();
        checkLabel("owner", owner, 1, MAX_OWNER_BYTES);
        checkLabel("site", site, 0, MAX_SITE_BYTES);
        if (roles.size() > MAX_ROLES) {
            throw new IllegalArgumentException("at most " + MAX_ROLES + " roles, got " + roles.size());
        }
        for (String role : roles) {
            checkLabel("role", role, 1, MAX_ROLE_BYTES);
        }
    }

    private static void checkLabel(String what, String value, int min, int max) {
        int n = value.getBytes(StandardCharsets.UTF_8).length;
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + " bytes, got " + n);
        }
        if (!LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' may contain only letters, digits and . _ @ : -");
        }
    }

    /** An active record for a peer's public key, as {@code register} creates it. */
    public static DirectoryRecord active(PublicKeyRecord key, long serial, long issuedAt, String owner, String site,
            List<String> roles) {
        return new DirectoryRecord(serial, issuedAt, key.keyId(), key.config(), key.verificationKey(),
                key.expiration(), RecordStatus.ACTIVE, owner, site, roles);
    }

    /** The revocation of this record's key: same key and labels, a higher serial, final. */
    public DirectoryRecord revoked(long newSerial, long revokedAt) {
        if (newSerial <= serial) {
            throw new IllegalArgumentException("a revocation needs a serial above " + serial + ", got " + newSerial);
        }
        return new DirectoryRecord(newSerial, revokedAt, keyId, config, verificationKey, expiration,
                RecordStatus.REVOKED, owner, site, roles);
    }

    /** The key as a QSMP peer uses it. */
    public PublicKeyRecord publicKey() {
        return new PublicKeyRecord(expiration, config, keyId, verificationKey);
    }

    @Override
    public byte[] verificationKey() {
        return verificationKey.clone();
    }

    /** Usable while {@code now <= expiration}, as QSMP-WIRE §3.2 treats key expiry. */
    public boolean isExpiredAt(long now) {
        return Long.compareUnsigned(now, expiration) > 0;
    }

    public boolean isActive() {
        return status == RecordStatus.ACTIVE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryRecord r && serial == r.serial && issuedAt == r.issuedAt
                && keyId.equals(r.keyId) && config.equals(r.config)
                && Arrays.equals(verificationKey, r.verificationKey) && expiration == r.expiration
                && status == r.status && owner.equals(r.owner) && site.equals(r.site) && roles.equals(r.roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serial, keyId, status, owner);
    }

    @Override
    public String toString() {
        return "DirectoryRecord[serial=" + serial + ", keyId=" + keyId + ", owner=" + owner + ", site=" + site
                + ", roles=" + roles + ", status=" + status + ", config=" + config.text() + ", expiration="
                + expiration + "]";
    }
}
