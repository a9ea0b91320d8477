package org.polisi.site.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** {@code ./polisi}: the site generator's commands. The launcher script adds {@code serve} and {@code forms}. */
@Command(name = "polisi", mixinStandardHelpOptions = true, version = "polisi 0.1",
        description = "Bilingual school policy websites from version-controlled AsciiDoc.",
        footer = {"", "The ./polisi launcher also runs the forms server's commands:",
                "  serve               Build, then serve the sites and receive forms.",
                "  forms               Staff accounts, verify, purge, backup, export.",
                "", "./polisi help COMMAND prints a command's usage (./polisi help serve too).",
                "A guide for school staff: docs/authoring.md."},
        subcommands = {BuildCommand.class, ReportCommand.class, NewSchoolCommand.class, PreviewCommand.class, ImportCommand.class, CleanCommand.class,
                CommandLine.HelpCommand.class,
                StampTranslationsCommand.class})
public final class PolisiCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.quieten();
        // A content problem is reported by the build at its file and line; anything that still
        // escapes is a fault of ours, reported in one line, never as a Java stack trace.
        int exit = new CommandLine(new PolisiCli())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (e instanceof org.polisi.site.problem.ContentException content) {
                        // a file every school needs (the theme's bundles) cannot be read: said at the file
                        content.problems().forEach(p -> commandLine.getErr().println(p.describe(projectRoot())));
                        commandLine.getErr().println("Nothing was published: fix the file above and build again.");
                        return 1;
                    }
                    commandLine.getErr().println("error: the build stopped unexpectedly: " + e
                            + " (please report this; no page was published by this run)");
                    return 2;
                })
                .execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The project folder: where content/ and themes/ are. The launcher passes it; tests set it. */
    static Path projectRoot() {
        String root = System.getProperty("polisi.root");
        return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    }
}
