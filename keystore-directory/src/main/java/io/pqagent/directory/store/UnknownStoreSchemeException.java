package io.pqagent.directory.store;

/** A store location whose scheme names no store we have; the message lists the ones we do. */
public final class UnknownStoreSchemeException extends IllegalArgumentException {
    private final String scheme;

    UnknownStoreSchemeException(String scheme, String location) {
        super("unknown record store scheme '" + scheme + "' in '" + location + "': expected "
                + RecordStores.ACCEPTED_FORMS);
        this.scheme = scheme;
    }

    /** The scheme as written, empty when the location had none. */
    public String scheme() {
        return scheme;
    }
}
