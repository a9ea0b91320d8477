package org.polisi.forms.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The forms server's command line, called by {@code ./polisi}: {@code serve}, {@code user add},
 * {@code verify}, {@code checkpoint}, {@code purge}, {@code backup}, {@code export}, {@code erase} and {@code migrate}.
 */
@Command(name = "polisi-forms", mixinStandardHelpOptions = true, version = "Polisi forms server 0.1",
        description = "Receives, keeps and shows what people send through the Polisi forms.",
        subcommands = {ServeCommand.class, UserCommand.class, VerifyCommand.class, CheckpointCommand.class, PurgeCommand.class,
            BackupCommand.class, ExportCommand.class, EraseCommand.class, MigrateCommand.class, CommandLine.HelpCommand.class})
public final class FormsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (!ServeCommand.serving()) {
            System.exit(exitCode);
        }
    }

    /**
     * The command line, with failures an operator can fix (a database that cannot be opened, a bad
     * setting) printed as one line on standard error with exit code 1, never as a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FormsCli());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof org.polisi.forms.storage.DatabaseUnavailable
                    || failure instanceof org.polisi.forms.config.SealingKey.Unusable
                    || failure instanceof IllegalArgumentException) {
                line.getErr().println(failure.getMessage());
                return 1;
            }
            throw failure;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
