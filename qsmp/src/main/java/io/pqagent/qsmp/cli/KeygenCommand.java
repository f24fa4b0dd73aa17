package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qsmp keygen}: a long-term key pair in the reference's file formats (QSMP-WIRE §8.2, §8.3), named
 * as the sample apps name theirs ({@code listener}, {@code sender}, {@code server}: §8.5).
 */
@Command(name = "keygen",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = {
            "Generates a long-term key pair in the C reference's file formats.",
            "%nWrites DIR/NAME_secret_key.qskey (owner-only) and DIR/NAME_public_key.qpkey (for the peer)."
                + " The sample apps' names are listener, sender and server.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:both files written", "1:writing failed", "2:invalid usage, or a file exists"})
final class KeygenCommand implements Callable<Integer> {
    static final String SECRET_SUFFIX = "_secret_key.qskey";
    static final String PUBLIC_SUFFIX = "_public_key.qpkey";

    @ParentCommand
    private QsmpMain parent;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "File name prefix, e.g. listener, sender, server.")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private KeyIdChoice keyId;

    static final class KeyIdChoice {
        @Option(names = "--kid", paramLabel = "HEX", description = "The 16-byte key id as 32 hex digits.")
        private String hex;

        @Option(names = "--random-kid", description = "Draw the key id at random, as the sample apps do.")
        private boolean random;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory for the two files (created if missing).")
    private Path out;

    @Option(names = "--config", paramLabel = "STRING", defaultValue = "dilithium-s5_kyber-s5_sha3_rcs",
            description = "QSMP configuration string (default: ${DEFAULT-VALUE}).")
    private String config;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "Days until the key expires (default: ${DEFAULT-VALUE}).")
    private long days;

    @Option(names = "--allow-flagged",
            description = "Allow a flagged configuration (Classic McEliece, SPHINCS+).")
    private boolean allowFlagged;

    @Option(names = "--clock-offset", paramLabel = "SECONDS", defaultValue = "0",
            description = "Protocol clock offset from UTC, as the peer's clock (profile rule 4).")
    private long clockOffset;

    @Option(names = "--force", description = "Replace existing key files.")
    private boolean force;

    @Override
    public Integer call() throws CliFailure {
        String prefix = validName();
        ParameterSet set = parameterSet();
        KeyId explicitId = keyId.random ? null : parseKeyId();
        long expiration = expiration();
        Path secretFile = out.resolve(prefix + SECRET_SUFFIX);
        Path publicFile = out.resolve(prefix + PUBLIC_SUFFIX);
        refuseToOverwrite(secretFile);
        refuseToOverwrite(publicFile);

        EntropySource entropy = EntropySource.system();
        // the key id is drawn before the signature key pair, in the sample apps' order (KeyGeneration)
        KeyId id = explicitId != null ? explicitId : KeyId.random(entropy);
        try (SigningKeyRecord key = KeyGeneration.generate(set, id, expiration, entropy)) {
            Files.createDirectories(out);
            KeyFiles.writeQskey(secretFile, key);
            KeyFiles.writeQpkey(publicFile, key.publicRecord());
            parent.out().println("wrote " + secretFile + " and " + publicFile + ": " + key.publicRecord());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, "cannot write the key files in " + out + ": " + FailureText.of(e), e);
        }
        return ExitCode.OK;
    }

    private ParameterSet parameterSet() throws CliFailure {
        try {
            return ParameterSet.select(config, allowFlagged);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage() + (e.getMessage().contains("flagged") ? " (--allow-flagged)" : ""));
        }
    }

    private KeyId parseKeyId() throws CliFailure {
        try {
            return KeyId.fromHex(keyId.hex);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--kid: " + e.getMessage());
        }
    }

    private long expiration() throws CliFailure {
        if (days < 1) {
            throw CliFailure.usage("--days must be at least 1, got " + days);
        }
        long latest = (PublicKeyRecord.MAX_EXPIRATION - Clock.system(clockOffset).utcSeconds())
                / KeyGeneration.SECONDS_PER_DAY;
        if (days > latest) {
            throw CliFailure.usage("--days " + days + " goes past 9999-12-31, the last date a key file can hold"
                    + " (at most " + latest + ")");
        }
        return KeyGeneration.expiration(Clock.system(clockOffset), days);
    }

    /** NAME becomes part of a file name in DIR, never a path of its own. */
    private String validName() throws CliFailure {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw CliFailure.usage("--name must be a plain file name prefix, got '" + name + "'");
        }
        return name;
    }

    private void refuseToOverwrite(Path file) throws CliFailure {
        if (!force && Files.exists(file)) {
            throw CliFailure.usage(file + " already exists (use --force to replace it)");
        }
    }
}
