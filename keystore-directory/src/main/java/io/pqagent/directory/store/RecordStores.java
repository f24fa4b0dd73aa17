package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Opens a {@link RecordStore} from the one-line location an operator writes in a replica's configuration:
 *
 * <ul>
 *   <li>{@code sqlite:/var/lib/qsmp-directory/records.db} (or {@code sqlite:relative/path.db},
 *       {@code sqlite:///abs/path.db}): the embedded store;
 *   <li>{@code postgresql://host[:port]/database[?user=..&password=..]} (also {@code postgres://},
 *       {@code user:password@host} and {@code jdbc:postgresql://...}): the shared store.
 * </ul>
 */
public final class RecordStores {
    static final String ACCEPTED_FORMS = "sqlite:PATH or postgresql://HOST[:PORT]/DATABASE[?user=NAME&password=SECRET]";

    private RecordStores() {
    }

    /**
     * @throws UnknownStoreSchemeException for a scheme other than sqlite, postgresql, postgres, jdbc:postgresql
     * @throws IllegalArgumentException for a location of a known scheme that is not well formed
     * @throws DirectoryException STORE_FAILURE when the store cannot be opened or migrated
     */
    public static RecordStore open(String location) throws DirectoryException {
        int colon = location.indexOf(':');
        String scheme = colon < 0 ? "" : location.substring(0, colon);
        switch (scheme) {
            case "sqlite":
                return SqliteRecordStore.open(sqlitePath(location.substring(colon + 1), location));
            case "postgresql":
            case "postgres":
            case "jdbc":
                return PostgresRecordStore.open(postgresJdbcUrl(location));
            default:
                throw new UnknownStoreSchemeException(scheme, Redaction.url(location));
        }
    }

    static Path sqlitePath(String rest, String location) {
        String path = rest.startsWith("//") ? rest.substring(2) : rest;
        if (path.isBlank()) {
            throw new IllegalArgumentException("'" + location + "' names no file: expected sqlite:PATH");
        }
        return Path.of(path);
    }

    /**
     * The JDBC URL for a PostgreSQL location; {@code user:password@} moves into the query, where the driver
     * looks for it.
     */
    static String postgresJdbcUrl(String location) {
        String rest;
        if (location.startsWith("jdbc:postgresql://")) {
            rest = location.substring("jdbc:postgresql://".length());
        } else if (location.startsWith("postgresql://")) {
            rest = location.substring("postgresql://".length());
        } else if (location.startsWith("postgres://")) {
            rest = location.substring("postgres://".length());
        } else if (location.startsWith("jdbc:")) {
            int end = location.indexOf(':', 5);
            throw new UnknownStoreSchemeException(location.substring(0, end < 0 ? location.length() : end),
                    Redaction.url(location));
        } else {
            throw new IllegalArgumentException("'" + Redaction.url(location) + "' is not of the form "
                    + "postgresql://HOST[:PORT]/DATABASE");
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + Redaction.url(location) + "' is not a valid URI: "
                    + e.getReason());
        }
        String host = uri.getHost();
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (host == null || database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("'" + Redaction.url(location) + "' needs a host and a database: "
                    + "postgresql://HOST[:PORT]/DATABASE");
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(uri.getRawAuthority()
                .substring(uri.getRawUserInfo() == null ? 0 : uri.getRawUserInfo().length() + 1));
        url.append('/').append(database);
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int sep = userInfo.indexOf(':');
            String credentials = sep < 0 ? "user=" + userInfo
                    : "user=" + userInfo.substring(0, sep) + "&password=" + userInfo.substring(sep + 1);
            query = query.isEmpty() ? credentials : credentials + "&" + query;
        }
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return url.toString();
    }
}
