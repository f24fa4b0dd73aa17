package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * A peer's public key record, the reference's {@code qsmp_client_verification_key} (QSMP-WIRE §8.1) and
 * the content of a {@code .qpkey} file.
 *
 * <p>Invariants: the configuration names a parameter set we implement, and the verification key has
 * exactly that set's size. {@code expiration} is in protocol seconds (our clock, offset included, profile
 * rule 4), between 1970 and the end of year 9999 so that the file's date can always be written.
 */
public record PublicKeyRecord(long expiration, ConfigString config, KeyId keyId, byte[] verificationKey) {
    /** 9999-12-31 23:59:59 UTC: the last second a four-digit year can show. */
    public static final long MAX_EXPIRATION = 253_402_300_799L;

    public PublicKeyRecord {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(keyId, "keyId");
        if (expiration < 0 || expiration > MAX_EXPIRATION) {
            throw new IllegalArgumentException("expiration " + expiration + " is outside 0.." + MAX_EXPIRATION);
        }
        ParameterSet set = ParameterSet.byText(config.text()).orElseThrow(() -> new IllegalArgumentException(
                "configuration '" + config.text() + "' is not a parameter set we implement"));
        int vkSize = set.signatureAlgorithm().verificationKeySize();
        if (verificationKey.length != vkSize) {
            throw new IllegalArgumentException(set.config().text() + " verification keys are " + vkSize
                    + " bytes, got " + verificationKey.length);
        }
        verificationKey = verificationKey.clone();
    }

    public ParameterSet parameterSet() {
        return ParameterSet.byText(config.text()).orElseThrow();
    }

    @Override
    public byte[] verificationKey() {
        return verificationKey.clone();
    }

    /**
     * True once {@code now} is past the expiration (QSMP-WIRE §3.2 step 1: a key is usable while
     * {@code now <= expiration}); compared as unsigned 64-bit values as the reference does.
     */
    public boolean isExpiredAt(long now) {
        return Long.compareUnsigned(now, expiration) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyRecord r && expiration == r.expiration && config.equals(r.config)
                && keyId.equals(r.keyId) && Arrays.equals(verificationKey, r.verificationKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expiration, config, keyId, Arrays.hashCode(verificationKey));
    }

    @Override
    public String toString() {
        return "PublicKeyRecord[" + config.text() + ", keyId=" + keyId + ", expiration="
                + ExpirationText.render(expiration) + " UTC]";
    }
}
