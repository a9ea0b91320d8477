package org.polisi.forms.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.polisi.forms.checkpoint.Checkpoint;
import org.polisi.forms.checkpoint.CheckpointKey;
import org.polisi.forms.checkpoint.CheckpointLog;
import org.polisi.forms.checkpoint.CheckpointText;
import org.polisi.forms.checkpoint.Checkpointer;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code checkpoint [--last]}: signs a checkpoint of every chain's head now, appends it to the log
 * and prints it for printing or filing; with {@code --last}, prints the newest one in the log.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Sign a checkpoint of every chain now and print it for filing (or print the last one).")
final class CheckpointCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--last", description = "Print the newest checkpoint in the log instead of signing a new one.")
    boolean last;

    @Override
    public Integer call() {
        ServerConfig config = settings.config();
        Checkpoint checkpoint;
        if (last) {
            Optional<Checkpoint> newest = new CheckpointLog(config.checkpoints().logFile()).last();
            if (newest.isEmpty()) {
                System.err.println("No checkpoint in " + config.checkpoints().logFile() + " yet.");
                return 2;
            }
            checkpoint = newest.get();
        } else {
            checkpoint = new Checkpointer(Database.open(config.database()), config.checkpoints(), config.alertMail(),
                    java.time.Clock.systemUTC()).take(Checkpointer.COMMAND);
        }
        System.out.print(CheckpointText.forFiling(checkpoint));
        System.out.println("Public key: " + CheckpointKey.publicFileOf(config.checkpoints().keyFile()).toAbsolutePath());
        return 0;
    }
}
