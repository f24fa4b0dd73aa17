package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;

/**
 * The configuration named in a key file, resolved to a parameter set. Flagged sets are accepted here (a
 * key file only describes a key; whether a flagged set may be used is decided where sessions are made),
 * unknown and refused strings are not.
 */
final class KeyConfig {
    private KeyConfig() {
    }

    /** @param where the field, for the message, e.g. "line 3 (Configuration)" */
    static ParameterSet resolve(String text, String where) throws KeyFileException {
        if (text.length() >= ConfigString.FIELD_SIZE) {
            throw new KeyFileException(where + ": configuration is " + text.length()
                    + " characters, a configuration field holds at most " + (ConfigString.FIELD_SIZE - 1));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new KeyFileException(where + ": configuration '" + Printable.of(text)
                        + "' contains a character that is not printable ASCII");
            }
        }
        if (text.isEmpty()) {
            throw new KeyFileException(where + ": configuration is empty");
        }
        try {
            return ParameterSet.select(text, true);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(where + ": " + e.getMessage(), e);
        }
    }
}
