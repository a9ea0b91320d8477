package org.polisi.forms.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.DatabaseCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate --from SQLITE_FILE --to JDBC_URL} (issue 16): moves a school's (or a cluster's)
 * records from SQLite to an empty PostgreSQL database, each school in one transaction
 * ({@link DatabaseCopy}), then verifies the target as {@code verify} does: every chain, the agreed
 * texts, and the source's signed checkpoints when it has any. Exit status 0 when the target
 * verifies, 1 when it does not, 2 when nothing was copied (a target that is not empty, schemas that
 * differ).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy every record from an SQLite file to an empty PostgreSQL database (user and password from "
                + "POLISI_DB_USER and POLISI_DB_PASSWORD or POLISI_DB_PASSWORD_FILE), then verify the copy.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--from", required = true, paramLabel = "SQLITE_FILE", description = "The SQLite database to copy.")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
            description = "An empty PostgreSQL database: jdbc:postgresql://host:port/database.")
    String to;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from)) {
            System.err.println("Nothing copied: there is no SQLite database " + from);
            return 2;
        }
        ServerConfig source = settings.loader().set("db", from).load();
        ServerConfig target = settings.loader().set("db", to).load();
        DatabaseAddress address = target.database();
        if (!address.isPostgresql()) {
            System.err.println("Nothing copied: --to must be a PostgreSQL JDBC URL (jdbc:postgresql://host/database)");
            return 2;
        }
        Jdbi sourceDb = Database.open(source.database());
        Jdbi targetDb = Database.open(address);
        DatabaseCopy.Copied copied;
        try {
            copied = new DatabaseCopy(sourceDb, targetDb).copy(System.out::println);
        } catch (IllegalStateException refused) {
            System.err.println("Migration failed: " + refused.getMessage());
            return refused.getMessage().startsWith("the copy stopped") ? 1 : 2;
        }
        copied.rowsByTable().forEach((table, rows) -> System.out.println("copied " + rows + " row(s) of " + table));
        System.out.println("Verifying " + address + ":");
        boolean intact = VerifyCommand.chains(targetDb);
        intact &= VerifyCommand.agreedTexts(targetDb, target);
        Path log = source.checkpoints().logFile();
        if (Files.isRegularFile(log)) {
            intact &= VerifyCommand.againstCheckpoints(targetDb, log, null, source.checkpoints().keyFile());
        }
        System.out.println(intact ? "Migrated " + copied.schools().size() + " school(s) to " + address
                + ". Copy the server's files beside the SQLite file (secret.key, the checkpoint key and log) "
                + "to the new server's data folder." : "The copy does NOT verify: do not use it");
        return intact ? 0 : 1;
    }
}
