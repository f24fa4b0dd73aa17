package io.pqagent.agent.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A PQS passphrase as UTF-8: from a file's first line, an environment variable, or the terminal. */
final class PassphraseInput {
    private PassphraseInput() {
    }

    static byte[] read(Path file, String envVar, boolean confirm) throws IOException {
        if (file != null && envVar != null) {
            throw new IllegalArgumentException("give --passphrase-file or --passphrase-env, not both");
        }
        if (file != null) {
            String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return nonEmpty(line.getBytes(StandardCharsets.UTF_8), "the first line of " + file);
        }
        if (envVar != null) {
            String value = System.getenv(envVar);
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + envVar + " is not set");
            }
            return nonEmpty(value.getBytes(StandardCharsets.UTF_8), envVar);
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the passphrase: use --passphrase-file or --passphrase-env");
        }
        char[] first = console.readPassword("passphrase: ");
        char[] second = confirm ? console.readPassword("again: ") : first;
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the passphrases differ");
            }
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(first));
            byte[] out = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return nonEmpty(out, "the passphrase");
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static byte[] nonEmpty(byte[] passphrase, String what) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return passphrase;
    }
}
