package org.polisi.site.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.Fixtures;
import org.polisi.site.FixtureTree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tester 5's fault 4 and its kind: every refusal of the file system a build meets is one plain line
 * naming the folder, its owner and what to do, never "the build stopped unexpectedly ... please
 * report this"; and a build refuses, before writing anything, a cache, work or output folder that
 * is a link (it would write wherever the link leads) or belongs to another user (it would leave
 * files the owner cannot replace), as the build server's folder is refused (ADR 0079).
 * Another user is only needed where the test runs as root (it gives a folder to {@code nobody});
 * elsewhere those cases are skipped, and the read-only folder case, which root's writes ignore, runs.
 */
class FileSystemRefusalsTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private static FixtureTree checkout(Path root) throws IOException {
        FixtureTree tree = FixtureTree.in(root)
                .write("schools/solo/school.yml", "name: {en: Solo School}\nlanguages: [en]\n")
                .write("schools/solo/en/page.adoc", "= Page\n:page-kind: page\n\nText.\n");
        Files.createSymbolicLink(root.resolve("themes"), Fixtures.projectRoot().resolve("themes"));
        return tree;
    }

    /** {@code ./polisi build --no-daemon} in its own process, as the launcher runs it: exit status and output. */
    private static Run polisi(Path root, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xss4m", "-Dpolisi.root=" + root, "-cp",
                System.getProperty("java.class.path"), PolisiCli.class.getName(), "build", "--no-daemon"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(root, "build", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the build finished");
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String output) {
    }

    private static void plain(Run run) {
        assertEquals(1, run.exit(), run.output());
        assertFalse(run.output().contains("please report") || run.output().contains("stopped unexpectedly")
                || run.output().contains("Exception"), run.output());
    }

    /** An in-process build of the checkout through the command's own entry, its error stream returned. */
    private static String build(Path root, Optional<Path> cache, int expectedExit) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BuildOptions options = BuildOptions.defaults(root).withStrict(true);
        int exit = BuildCommand.build(root, options, cache, Fixtures.TOOLS, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, said);
        return said;
    }

    @Test
    void aFileWhereTheBuildKeepsAFolderIsOnePlainLineNotAReportThisFault(@TempDir Path root) throws Exception {
        checkout(root);
        Files.createDirectories(root.resolve("site/target"));
        Files.writeString(root.resolve("site/target/build"), "a file left where the work folder goes");
        Run run = polisi(root);
        plain(run);
        assertTrue(run.output().contains("error: the build cannot make a folder at site/target/build")
                && run.output().contains("a file (or a link) is in the way")
                && run.output().contains("No page was published by this run"), run.output());
    }

    @Test
    void aLinkedCacheOrWorkFolderIsRefusedAndNothingIsWrittenWhereItLeads(@TempDir Path root, @TempDir Path elsewhere) throws Exception {
        checkout(root);
        Files.createDirectories(root.resolve("site/target"));
        Path victim = Files.createDirectories(elsewhere.resolve("victim"));
        Files.createSymbolicLink(root.resolve("site/target/cache"), victim);
        Run run = polisi(root);
        plain(run);
        assertTrue(run.output().contains("error: site/target/cache is a link to " + victim)
                && run.output().contains("rm site/target/cache"), run.output());
        try (var listed = Files.list(victim)) {
            assertEquals(0, listed.count(), "nothing was written where the link leads");
        }
        assertFalse(Files.exists(root.resolve("site/target/public")), "nothing was published");

        Files.delete(root.resolve("site/target/cache"));
        Files.createSymbolicLink(root.resolve("site/target/build"), victim);
        String said = build(root, Optional.of(root.resolve("site/target/cache")), 1);
        assertTrue(said.startsWith("error: site/target/build is a link to "), said);
        org.polisi.site.render.FileTrees.deleteRecursively(root.resolve("site/target"));
        Files.createSymbolicLink(root.resolve("site/target"), victim);     // a folder on the way counts too
        said = build(root, Optional.empty(), 1);
        assertTrue(said.startsWith("error: site/target is a link to "), said);
        try (var listed = Files.list(victim)) {
            assertEquals(0, listed.count());
        }
    }

    @Test
    void aFolderOfAnotherUserIsRefusedBeforeTheBuildWritesAndNamesItsOwnerAndTheRemedy(@TempDir Path root) throws Exception {
        assumeTrue(ROOT, "giving a folder to another user needs root");
        checkout(root);
        build(root, Optional.of(root.resolve("site/target/cache")), 0);    // a first build, as the owner
        UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(root.resolve("site/target/cache"), nobody);
        Path page = root.resolve("site/target/public/solo/en/page.html");
        long before = Files.getLastModifiedTime(page).toMillis();
        String said = build(root, Optional.of(root.resolve("site/target/cache")), 1);
        assertEquals("error: site/target/cache belongs to nobody, not to root who is building: a build here would leave files"
                + " nobody cannot replace. Build as nobody (sudo -u nobody ./polisi build), or, if the checkout is yours, take the"
                + " folder back (sudo chown -R root: site/target/cache); nothing was written by this run", said.strip());
        assertEquals(before, Files.getLastModifiedTime(page).toMillis(), "nothing was published again");
        Files.setOwner(root.resolve("site/target/cache"), root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        Files.setOwner(root.resolve("site/target/public"), nobody);
        assertTrue(build(root, Optional.empty(), 1).startsWith("error: site/target/public belongs to nobody"));
    }

    @Test
    void theTestersCaseAFileLeftByAnotherUserDeepInTheWorkFolderNamesTheOutermostFolderTheyOwn(@TempDir Path root) throws Exception {
        assumeTrue(ROOT, "giving a folder to another user needs root");
        Path server = Files.createDirectories(root.resolve("site/target/build/src/templates/server"));
        UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(server, nobody);
        Files.setOwner(server.getParent(), nobody);
        Path file = server.resolve("withdrawal-statements.ftl");
        Optional<String> said = FileSystemRefusals.explain(new java.io.UncheckedIOException(new AccessDeniedException(file.toString())), root);
        assertEquals(Optional.of("the build cannot write site/target/build/src/templates/server/withdrawal-statements.ftl:"
                + " site/target/build/src/templates belongs to nobody, not to root who is building: a build here would leave files"
                + " nobody cannot replace. Build as nobody (sudo -u nobody ./polisi build), or, if the checkout is yours, take the"
                + " folder back (sudo chown -R root: site/target/build/src/templates). No page was published by this run"), said);
    }

    @Test
    void aReadOnlyFolderIsNamedWithItsModeAndTheRemedy(@TempDir Path root) throws Exception {
        assumeFalse(ROOT, "root writes into a read-only folder anyway");
        Path locked = Files.createDirectories(root.resolve("site/target/cache/ab"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Optional<String> said = FileSystemRefusals.explain(new AccessDeniedException(locked.resolve("cd").toString()), root);
            assertTrue(said.orElseThrow().contains("site/target/cache/ab is not writable by " + System.getProperty("user.name")
                    + " (mode r-xr-xr-x): make it writable (chmod u+w site/target/cache/ab)"), said.toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void everyOtherRefusalOfTheFileSystemIsSaidPlainlyAndAFaultOfOursIsNot(@TempDir Path root) {
        Path file = root.resolve("site/target/public/solo/en/page.html");
        assertTrue(FileSystemRefusals.explain(new FileSystemException(file.toString(), null, "No space left on device"), root)
                .orElseThrow().startsWith("the build cannot write site/target/public/solo/en/page.html: the disk (or your quota) is full"));
        assertTrue(FileSystemRefusals.explain(new IOException("No space left on device"), root).orElseThrow().contains("is full"));
        assertTrue(FileSystemRefusals.explain(new FileSystemException(file.toString(), null, "Read-only file system"), root)
                .orElseThrow().contains("read-only file system"));
        assertTrue(FileSystemRefusals.explain(new java.nio.file.ReadOnlyFileSystemException(), root).orElseThrow().contains("read-only"));
        assertTrue(FileSystemRefusals.explain(new FileSystemException(file.toString(), null, "Too many levels of symbolic links"), root)
                .orElseThrow().contains("its links lead back into themselves"));
        assertTrue(FileSystemRefusals.explain(new RuntimeException(new FileSystemException(file.toString(), null,
                "Operation not permitted")), root).orElseThrow().startsWith("the build cannot write site/target/public/solo/en/page.html: "));
        assertEquals(Optional.empty(), FileSystemRefusals.explain(new IllegalStateException("a fault of ours"), root));
        assertEquals(Optional.empty(), FileSystemRefusals.explain(new java.nio.file.NoSuchFileException(file.toString()), root));
    }
}
