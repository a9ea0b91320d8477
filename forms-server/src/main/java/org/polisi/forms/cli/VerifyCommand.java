package org.polisi.forms.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.archive.AgreedTextCheck;
import org.polisi.forms.checkpoint.Checkpoint;
import org.polisi.forms.checkpoint.CheckpointKey;
import org.polisi.forms.checkpoint.CheckpointLog;
import org.polisi.forms.checkpoint.CheckpointVerifier;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.staff.EmailClashes;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify [--checkpoints FILE [--public-key FILE]]}: checks every chain of every school (exit
 * status 1 names the first broken record of each), then the archive of agreed texts (each missing
 * or altered snapshot), then, if asked, the database against signed checkpoints (every checkpoint
 * the database no longer matches); last, staff people whose addresses an older version let differ only
 * in letter case (named, not counted as broken: ADR 0107).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that no stored record was altered or removed behind the server's back, that the text "
                + "each record's form version names is archived and unaltered, and optionally that the database "
                + "still holds what signed checkpoints saw.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--checkpoints", paramLabel = "FILE",
            description = "Also check against these signed checkpoints (the log, or a copy filed elsewhere).")
    Path checkpoints;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "The checkpoint key's public half, as filed (default: the .pub beside the server's key).")
    Path publicKey;

    @Override
    public Integer call() {
        ServerConfig config = settings.config();
        Jdbi jdbi = Database.open(config.database());
        boolean intact = chains(jdbi);
        intact &= agreedTexts(jdbi, config);
        if (checkpoints != null) {
            intact &= againstCheckpoints(jdbi, config);
        }
        staffAddresses(jdbi);
        return intact ? 0 : 1;
    }

    /**
     * Names, in plain words, the staff people an older version let share one address
     * ({@link EmailClashes}, ADR 0107): "ATTENTION two accounts at rumney differ only in letter case:
     * …". Nothing is altered (the records are intact, so the exit status stays), but both people sign
     * in as one address and {@code migrate} refuses to copy them until one is removed.
     *
     * @return the number of clashes named
     */
    static int staffAddresses(Jdbi jdbi) {
        List<EmailClashes.Clash> clashes;
        try {
            clashes = jdbi.withHandle(handle -> EmailClashes.find(handle.getConnection()));
        } catch (java.sql.SQLException unreadable) {
            throw new IllegalStateException("the staff addresses could not be read", unreadable);
        }
        clashes.forEach(clash -> System.out.println("ATTENTION " + clash.describe()));
        return clashes.size();
    }

    /** Step 1: every chain of every school. */
    static boolean chains(Jdbi jdbi) {
        List<ChainVerifier.SchoolResult> results = new ChainVerifier(jdbi).verifyAll();
        boolean intact = true;
        for (ChainVerifier.SchoolResult result : results) {
            if (result.problem().isPresent()) {
                intact = false;
                System.out.println("BROKEN " + result.problem().get());
            } else {
                System.out.println("OK " + result.school() + " " + result.chain() + ": " + result.records()
                        + " record(s), chain intact");
            }
        }
        if (results.isEmpty()) {
            System.out.println("OK no records yet");
        }
        return intact;
    }

    /** Step 2: every record's form version has its snapshot, and every snapshot hashes to its name. */
    static boolean agreedTexts(Jdbi jdbi, ServerConfig config) {
        AgreedTextCheck.Result result = new AgreedTextCheck(new AgreedTextArchive(config.agreedTextsDir())).check(jdbi);
        result.problems().forEach(System.out::println);
        if (result.whole()) {
            System.out.println("OK agreed texts: " + result.snapshots() + " snapshot(s) in " + config.agreedTextsDir()
                    + ", each hashing to its name; every one of the " + result.recordedVersions()
                    + " form version(s) the records name is there");
        }
        return result.whole();
    }

    /** Step 3, with --checkpoints: nothing acknowledged before the last checkpoint changed. */
    private boolean againstCheckpoints(Jdbi jdbi, ServerConfig config) {
        if (!Files.isRegularFile(checkpoints)) {
            System.out.println("BROKEN no checkpoint file " + checkpoints);
            return false;
        }
        return againstCheckpoints(jdbi, checkpoints, publicKey, config.checkpoints().keyFile());
    }

    /**
     * The database against the signed checkpoints in {@code checkpoints}, checked with
     * {@code publicKey}, or when that is null the public half beside {@code serverKey}.
     */
    static boolean againstCheckpoints(Jdbi jdbi, Path checkpoints, Path publicKey, Path serverKey) {
        Path keyFile = publicKey != null ? publicKey : CheckpointKey.publicFileOf(serverKey);
        PublicKey trusted;
        List<Checkpoint> all;
        try {
            trusted = CheckpointKey.readPublic(keyFile);
            all = CheckpointLog.readAll(checkpoints);
        } catch (RuntimeException unreadable) {
            System.out.println("BROKEN " + unreadable.getMessage());
            return false;
        }
        if (publicKey == null) {
            System.out.println("NOTE checked with the server's own public key " + keyFile + " (fingerprint "
                    + CheckpointKey.fingerprint(trusted) + "): compare it with the one you filed, or give --public-key");
        }
        List<String> problems = CheckpointVerifier.problems(jdbi, all, trusted);
        problems.forEach(problem -> System.out.println("BROKEN " + problem));
        if (problems.isEmpty()) {
            Checkpoint last = all.get(all.size() - 1);
            System.out.println("OK " + all.size() + " checkpoint(s) verified; nothing recorded before checkpoint "
                    + last.number() + " (" + last.time() + ") was altered, removed, reordered or inserted");
        }
        return problems.isEmpty();
    }
}
