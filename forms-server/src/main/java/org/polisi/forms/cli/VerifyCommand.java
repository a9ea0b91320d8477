package org.polisi.forms.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.checkpoint.Checkpoint;
import org.polisi.forms.checkpoint.CheckpointKey;
import org.polisi.forms.checkpoint.CheckpointLog;
import org.polisi.forms.checkpoint.CheckpointVerifier;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify [--checkpoints FILE [--public-key FILE]]}: checks every chain of every school, and
 * optionally the database against signed checkpoints; exit status 1 names the first broken record
 * of each chain and every checkpoint the database no longer matches.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that no stored record was altered or removed behind the server's back.")
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
        if (checkpoints != null) {
            intact &= againstCheckpoints(jdbi, config);
        }
        return intact ? 0 : 1;
    }

    private static boolean chains(Jdbi jdbi) {
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

    private boolean againstCheckpoints(Jdbi jdbi, ServerConfig config) {
        if (!Files.isRegularFile(checkpoints)) {
            System.out.println("BROKEN no checkpoint file " + checkpoints);
            return false;
        }
        Path keyFile = publicKey != null ? publicKey : CheckpointKey.publicFileOf(config.checkpoints().keyFile());
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
