package org.polisi.site.cli;

import org.polisi.site.BuildTools;
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
        System.exit(execute(args, new BuildTools()));
    }

    /**
     * Runs one command line as {@code ./polisi} does, printing to {@link System#out} and
     * {@link System#err} as they are when called, and lending {@code tools} to a build (the build
     * server lends the same to each build it runs, docs/adr/0079).
     *
     * @return the exit status: 0; 1 for a build with errors, a content file every school needs
     *     that cannot be read, or a folder the file system would not let it write (said in one line:
     *     {@link FileSystemRefusals}); 2 for a bad command line or a fault of ours (said in one line)
     */
    public static int execute(String[] args, BuildTools tools) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == BuildCommand.class ? type.cast(new BuildCommand(tools)) : CommandLine.defaultFactory().create(type);
            }
        };
        // A content problem is reported by the build at its file and line; anything that still
        // escapes is a fault of ours, reported in one line, never as a Java stack trace.
        return new CommandLine(new PolisiCli(), factory)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (e instanceof org.polisi.site.problem.ContentException content) {
                        // a file every school needs (the theme's bundles) cannot be read: said at the file
                        content.problems().forEach(p -> commandLine.getErr().println(p.describe(projectRoot())));
                        commandLine.getErr().println("Nothing was published: fix the file above and build again.");
                        return 1;
                    }
                    java.util.Optional<String> refused = FileSystemRefusals.explain(e, projectRoot());
                    if (refused.isPresent()) {     // the file system said no: what to do, not a Java exception (ADR 0097)
                        commandLine.getErr().println("error: " + refused.get());
                        return 1;
                    }
                    commandLine.getErr().println(UnexpectedFault.line(e, projectRoot()));
                    return 2;
                })
                .execute(args);
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
