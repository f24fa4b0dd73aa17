package io.pqagent.agent.cli;

import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.runtime.DirectoryClients;
import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.keystore.Identity;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.KeystoreException;
import io.pqagent.keystore.RotationPhase;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Steps the identity rotation (docs/directory.md "Rotation"), one step per call, on the identity files;
 * a running agent is then told to re-read them ({@code keys-reload}).
 *
 * <ol>
 * <li>{@code keys rotate}: prepares the next identity and writes its public key as a {@code .qpkey} for the
 *     directory authority. Again in PREPARED it reports the same next key (never a second one).
 * <li>{@code keys rotate --published}: once the authority registered it, marks it published (OVERLAP):
 *     the agent connects with it, and answers with both. Refused while the directory does not list the key
 *     for this agent, unless {@code --force}.
 * <li>{@code keys rotate --retire}: retires the old identity now; without it the running agent does so
 *     when the overlap ends.
 * </ol>
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Rotate the identity, one step per call: prepare the next key (and write its .qpkey to "
                + "register), then --published once registered, then (optionally, early) --retire.",
            "A running agent is told to re-read its identity after each step."})
final class KeysRotateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The agent's configuration (default ${DEFAULT-VALUE}).")
    Path config = AgentMain.DEFAULT_CONFIG;

    private static final long DEFAULT_DAYS = 365;

    @Option(names = "--days", paramLabel = "N", description = "Validity of the next identity in days (default 365).")
    Long days;

    @Option(names = "--out", paramLabel = "FILE.qpkey",
            description = "Where the next identity's public key goes (default: NAME_KEYID_public_key.qpkey beside the configuration).")
    Path out;

    @ArgGroup(exclusive = true)
    Step step;

    static final class Step {
        @Option(names = "--published", required = true,
                description = "The next key is registered in the directory: start the overlap, connect with it.")
        boolean published;

        @Option(names = "--retire", required = true,
                description = "Retire the old identity now (before the overlap ends, if it has not).")
        boolean retire;
    }

    @Option(names = "--force", description = "With --published: do not check that the directory lists the key.")
    boolean force;

    private PrintWriter stdout;
    private PrintWriter stderr;

    @Override
    public Integer call() {
        stdout = spec.commandLine().getOut();
        stderr = spec.commandLine().getErr();
        if (days != null && (days < 1 || days > 36_500)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be 1..36500, got " + days);
        }
        boolean publishing = step != null && step.published;
        boolean retiring = step != null && step.retire;
        if (force && !publishing) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--force goes with --published only");
        }
        if (step != null && (days != null || out != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--days and --out go with the first step (keys rotate without --published or --retire)");
        }
        AgentConfig cfg = AgentMain.load(config, stderr);
        if (cfg == null) {
            return 2;
        }
        int code;
        try (LocalIdentity local = LocalIdentity.open(cfg)) {
            code = publishing ? publish(local) : retiring ? retire(local) : prepare(local);
        } catch (KeystoreException e) {
            stderr.println("qsmp-agent: " + LocalIdentity.describe(e, cfg));
            return 1;
        } catch (IOException e) {
            stderr.println("qsmp-agent: " + e.getMessage());
            return 1;
        }
        return code == 0 ? RunningAgent.tellKeysChanged(cfg.controlSocket(), stdout, stderr) : code;
    }

    // ---- step 1

    private int prepare(LocalIdentity local) throws KeystoreException, IOException {
        IdentityStore store = local.store;
        RotationPhase phase = store.phase();
        if (phase == RotationPhase.OVERLAP || phase == RotationPhase.RETIRE_DUE) {
            Identity next = store.next().orElseThrow();
            stderr.println("qsmp-agent: a rotation is under way: next identity " + next.keyId()
                    + " is published (phase " + phase + "); it ends with qsmp-agent keys rotate --retire, or by itself at "
                    + Instant.ofEpochSecond(store.overlapEndsAt().orElseThrow()));
            return 1;
        }
        Identity next;
        if (phase == RotationPhase.PREPARED) {
            next = store.next().orElseThrow();
            stdout.println("next identity " + next.keyId() + " is already prepared (expires "
                    + Instant.ofEpochSecond(next.expiration()) + "): phase PREPARED; no new key made");
        } else {
            next = store.prepareNext(days == null ? DEFAULT_DAYS : days);
            stdout.println("next identity " + next.keyId() + " (" + next.config().text() + ") prepared, expires "
                    + Instant.ofEpochSecond(next.expiration()) + ": phase PREPARED");
        }
        Path qpkey = out != null ? out : local.config.source().toAbsolutePath().getParent()
                .resolve(local.config.name() + "_" + next.keyId() + "_public_key.qpkey");
        if (!writeQpkey(store, next, qpkey)) {
            return 1;
        }
        stdout.println("next: have the directory authority register it, e.g.");
        stdout.println("  qsmp-directory register --qpkey " + qpkey + " --owner " + local.config.name()
                + " --authority ... --replica ...");
        stdout.println("then: qsmp-agent keys rotate --published");
        return 0;
    }

    /** Writes the .qpkey unless the same one is there; another key under that name is never overwritten. */
    private boolean writeQpkey(IdentityStore store, Identity next, Path qpkey) throws KeystoreException {
        if (Files.exists(qpkey)) {
            PublicKeyRecord there;
            try {
                there = KeyFiles.readQpkey(qpkey);
            } catch (IOException | RuntimeException | io.pqagent.qsmp.keys.KeyFileException e) {
                stderr.println("qsmp-agent: " + qpkey + " exists and is not a readable .qpkey (" + e.getMessage()
                        + "); not overwriting it: remove it or choose --out");
                return false;
            }
            if (!there.equals(next.publicRecord())) {
                stderr.println("qsmp-agent: " + qpkey + " exists and holds another key (" + there.keyId()
                        + "); not overwriting it: remove it or choose --out");
                return false;
            }
            stdout.println("public key already in " + qpkey);
            return true;
        }
        store.exportQpkey(next.keyId(), qpkey);
        stdout.println("public key written to " + qpkey);
        return true;
    }

    // ---- step 2

    private int publish(LocalIdentity local) throws KeystoreException {
        IdentityStore store = local.store;
        RotationPhase phase = store.phase();
        if (phase == RotationPhase.STEADY) {
            stderr.println("qsmp-agent: nothing to publish: no next identity is prepared (qsmp-agent keys rotate "
                    + "prepares one)");
            return 1;
        }
        Identity next = store.next().orElseThrow();
        if (phase != RotationPhase.PREPARED) {
            stdout.println("next identity " + next.keyId() + " is already published (since "
                    + Instant.ofEpochSecond(next.publishedAt().orElseThrow()) + "): phase " + phase);
            return 0;
        }
        if (!force) {
            String missing = notInDirectory(local.config, next);
            if (missing != null) {
                stderr.println("qsmp-agent: not marking " + next.keyId() + " published: " + missing
                        + "; register it first (qsmp-directory register --qpkey ... --owner " + local.config.name()
                        + "), or skip this check with --force");
                return 1;
            }
            stdout.println("the directory lists " + next.keyId() + " for " + local.config.name()
                    + ", signed by the authority");
        }
        store.markNextPublished();
        stdout.println("next identity " + next.keyId() + " published: phase OVERLAP; the agent connects with it and "
                + "answers with both until " + Instant.ofEpochSecond(store.overlapEndsAt().orElseThrow())
                + ", then retires " + store.current().keyId() + " (or now: qsmp-agent keys rotate --retire)");
        return 0;
    }

    /** Why the directory does not vouch for {@code next} as this agent's key; null if it does. */
    private static String notInDirectory(AgentConfig cfg, Identity next) {
        if (cfg.directory().replicas().isEmpty()) {
            return "no directory replicas are configured to check with";
        }
        try (QsmpNetwork network = QsmpNetwork.create(1, 1);
                DirectoryClient directory = DirectoryClients.open(network, cfg,
                        AuthorityKeyFile.read(cfg.directory().authorityKey()))) {
            DirectoryRecord r = directory.lookup(next.keyId()).record();
            if (!r.isActive()) {
                return "the directory lists key " + next.keyId() + " as revoked";
            }
            if (!r.owner().equals(cfg.name())) {
                return "the directory lists key " + next.keyId() + " for owner " + r.owner() + ", not " + cfg.name();
            }
            if (!Arrays.equals(r.verificationKey(), next.publicRecord().verificationKey())) {
                return "the directory's record of key " + next.keyId() + " holds another public key";
            }
            return null;
        } catch (DirectoryException e) {
            return e.error() == DirectoryError.UNKNOWN_KEY_ID
                    ? "key " + next.keyId() + " is not in the directory yet"
                    : "the directory could not be asked (" + e.getMessage() + ")";
        } catch (Exception e) {
            return "the directory could not be asked (" + e.getMessage() + ")";
        }
    }

    // ---- step 3

    private int retire(LocalIdentity local) throws KeystoreException {
        IdentityStore store = local.store;
        RotationPhase phase = store.phase();
        if (phase == RotationPhase.STEADY || phase == RotationPhase.PREPARED) {
            stderr.println("qsmp-agent: nothing to retire: " + (phase == RotationPhase.STEADY
                    ? "there is only one identity"
                    : "the next identity is not published yet (qsmp-agent keys rotate --published)"));
            return 1;
        }
        Identity old = store.current();
        String oldId = old.keyId().toString();
        long overlapEnd = store.overlapEndsAt().orElseThrow();
        Identity now = store.retireEarly();
        stdout.println("identity " + oldId + " retired" + (phase == RotationPhase.OVERLAP
                ? " early (the overlap was to last until " + Instant.ofEpochSecond(overlapEnd)
                        + "): peers that only know it can no longer connect" : "")
                + "; " + now.keyId() + " is current (phase STEADY)");
        stdout.println("revoke the old key in the directory: qsmp-directory revoke --kid " + oldId + " ...");
        return 0;
    }
}
