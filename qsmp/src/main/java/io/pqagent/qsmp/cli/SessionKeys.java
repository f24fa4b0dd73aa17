package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The key files a session command starts from, read before any socket is opened so that a missing or
 * damaged file, or keys of two configurations, is a one-line usage error rather than a failed handshake.
 */
final class SessionKeys {
    private SessionKeys() {
    }

    static SigningKeyRecord signingKey(Path file, String option) throws CliFailure {
        try {
            return KeyFiles.readQskey(file);
        } catch (IOException | KeyFileException e) {
            throw CliFailure.usage(option + ": " + FailureText.of(e));
        }
    }

    static PublicKeyRecord publicKey(Path file, String option) throws CliFailure {
        try {
            return KeyFiles.readQpkey(file);
        } catch (IOException | KeyFileException e) {
            throw CliFailure.usage(option + ": " + FailureText.of(e));
        }
    }

    /**
     * The parameter set of the session: the configuration of {@code first} (our key, or the Simplex
     * server's), which every other key must share (one set signs and verifies both ways), subject to the
     * flagged-set rule (profile rule 3).
     *
     * @param files the file of each key, for the messages; {@code keys} and {@code files} pair up by index
     */
    static ParameterSet parameterSet(List<PublicKeyRecord> keys, List<String> files, boolean allowFlagged)
            throws CliFailure {
        PublicKeyRecord first = keys.get(0);
        ParameterSet set;
        try {
            set = ParameterSet.select(first.config().text(), allowFlagged);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(files.get(0) + ": " + e.getMessage()
                    + (first.parameterSet().flagged() ? " (--allow-flagged)" : ""));
        }
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).parameterSet() != set) {
                throw CliFailure.usage(files.get(i) + " is a " + keys.get(i).config().text() + " key but "
                        + files.get(0) + " is " + set.config().text() + ": both ends of a session use one configuration");
            }
        }
        return set;
    }
}
