package org.polisi.forms.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.polisi.forms.archive.ArchiveBackup;
import org.polisi.forms.config.ServerConfig;
import java.util.concurrent.Callable;
import org.polisi.forms.storage.BackupService;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.PostgresDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backup --to FILE}: a consistent copy of the live database, safe while the server runs (an
 * SQLite file, or on PostgreSQL a {@code pg_dump} custom-format file for {@code pg_restore}), and
 * beside it ({@code FILE.agreed-texts/}) a copy of the archive of agreed texts the records name.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the database while it is in use, and the archive of agreed texts beside it.")
final class BackupCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "A new file to write the copy to.")
    Path target;

    @Override
    public Integer call() {
        ServerConfig config = settings.config();
        Path texts = ArchiveBackup.besides(target);
        if (Files.exists(texts)) {
            System.err.println("No backup made: backup target " + texts + " already exists: choose a new file");
            return 2;
        }
        try {
            if (config.database().isPostgresql()) {
                PostgresDump.dump(config.database(), target);
            } else {
                new BackupService(Database.open(config.database())).backupTo(target);
            }
        } catch (IllegalArgumentException refused) {
            System.err.println("No backup made: " + refused.getMessage());
            return 2;
        }
        // After the database: every text a copied record names was archived before that record was accepted.
        int snapshots = ArchiveBackup.copy(config.agreedTextsDir(), texts);
        System.out.println("Backed up to " + target.toAbsolutePath());
        System.out.println("Backed up " + snapshots + " agreed text(s) to " + texts.toAbsolutePath());
        // the keys stay out of the copy on purpose (a stolen backup must not carry them), so say where they are
        System.out.println("Not in the backup, keep your own copy apart from it: the second-factor key "
                + config.secondFactorKeyFile().toAbsolutePath() + " (without it the copy's second factors cannot be "
                + "used, and the server will not start on it) and the server's keys " + config.secretKeyFile()
                .toAbsolutePath() + " and " + config.checkpoints().keyFile().toAbsolutePath());
        return 0;
    }
}
