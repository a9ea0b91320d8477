package org.polisi.forms.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polisi.forms.storage.BackupService;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backup --to FILE}: a consistent copy of the live database, safe while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Copy the database while it is in use.")
final class BackupCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "A new file to write the copy to.")
    Path target;

    @Override
    public Integer call() {
        try {
            new BackupService(Database.open(settings.config().database())).backupTo(target);
        } catch (IllegalArgumentException refused) {
            System.err.println("No backup made: " + refused.getMessage());
            return 2;
        }
        System.out.println("Backed up to " + target.toAbsolutePath());
        return 0;
    }
}
