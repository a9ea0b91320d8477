package org.polisi.site.buildserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;
import org.polisi.site.render.RenderCache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build in the client's own process starts JRuby before the command line is parsed, when it will
 * probably convert pages, and publishes what a build started by {@code PolisiCli} publishes
 * (docs/adr/0084); a build that will convert nothing never starts it.
 */
class BuildClientTest {
    @TempDir
    Path folder;

    private static final List<String> TIMED = timed();

    private static List<String> timed() {
        List<String> flags = new ArrayList<>(ServerProcesses.LAUNCHER_FLAGS);
        flags.add("-Dpolisi.timings=true");
        return flags;
    }

    @Test
    void aBuildThatConvertsStartsJRubyFirstAndPublishesWhatPolisiCliPublishes() throws Exception {
        Path early = folder.resolve("early");
        Path late = folder.resolve("late");
        ServerProcesses.checkout(early);
        ServerProcesses.checkout(late);

        ServerProcesses.Run run = ServerProcesses.build(early, TIMED, "--no-daemon", "--no-cache");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("JRuby and Asciidoctor started before the command line was read"), run.out());

        ServerProcesses.Run cli = ServerProcesses.buildWith(late, "org.polisi.site.cli.PolisiCli", TIMED, "--no-cache");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("JRuby and Asciidoctor started in"), "PolisiCli starts JRuby as the build begins: " + cli.out());
        assertEquals(cli.err(), run.err(), "nothing more on standard error (JRuby starts before logging is set up)");
        assertEquals(withoutTimings(late, cli), withoutTimings(early, run));
        Map<String, String> published = texts(early.resolve("site/target/public"));
        assertFalse(published.isEmpty());
        assertEquals(published, texts(late.resolve("site/target/public")));
    }

    @Test
    void aBuildThatWillConvertNothingNeverStartsJRubyAndAChangeStartsItFirst() throws Exception {
        Path root = folder.resolve("checkout");
        FixtureTree tree = ServerProcesses.checkout(root);
        assertEquals(0, ServerProcesses.build(root, TIMED, "--no-daemon").exit());

        ServerProcesses.Run unchanged = ServerProcesses.build(root, TIMED, "--no-daemon");
        assertEquals(0, unchanged.exit(), unchanged.err());
        assertFalse(unchanged.out().contains("JRuby"), "nothing changed: JRuby not started\n" + unchanged.out());

        Path cache = folder.resolve("elsewhere");
        assertEquals(0, ServerProcesses.build(root, TIMED, "--no-daemon", "--cache", cache.toString()).exit());
        tree.write("schools/first/en/page.adoc", "= A Page\n:page-kind: page\n\nText of the page, changed.\n");
        ServerProcesses.Run changed = ServerProcesses.build(root, TIMED, "--no-daemon", "--cache=" + cache);
        assertEquals(0, changed.exit(), changed.err());
        assertTrue(changed.out().contains("JRuby and Asciidoctor started before the command line was read"), changed.out());
        assertTrue(Files.readString(root.resolve("site/target/public/first/en/page.html")).contains("changed."));
    }

    @Test
    void aBuildThatRecordsTheClassArchiveLoadsJRubyForItEvenWhenItConvertsNothing() throws Exception {
        Path root = folder.resolve("checkout");
        ServerProcesses.checkout(root);
        assertEquals(0, ServerProcesses.build(root, TIMED, "--no-daemon").exit());

        ServerProcesses.Run unchanged = ServerProcesses.build(root, TIMED, "--no-daemon");
        assertEquals(0, unchanged.exit(), unchanged.err());
        assertFalse(unchanged.out().contains("class-data archive"), "not recording: nothing more\n" + unchanged.out());

        // recording the classes it loads, as ./polisi's first build after a compile does (docs/adr/0068);
        // here as a class list, which a class path with folders allows, and which names what was loaded
        Path list = folder.resolve("classes.txt");
        List<String> recording = new ArrayList<>(TIMED);
        recording.add("-XX:DumpLoadedClassList=" + list);
        ServerProcesses.Run recorded = ServerProcesses.build(root, recording, "--no-daemon");
        assertEquals(0, recorded.exit(), recorded.err());
        assertTrue(recorded.out().contains("nothing changed"), recorded.out());
        assertTrue(recorded.out().contains("class-data archive: JRuby and Asciidoctor loaded for it"), recorded.out());
        List<String> classes = Files.readAllLines(list);
        for (String name : List.of("org/jruby/Ruby", "org/jruby/ir/interpreter/InterpreterEngine",
                "org/asciidoctor/jruby/internal/JRubyAsciidoctor")) {
            assertTrue(classes.stream().anyMatch(line -> line.equals(name) || line.startsWith(name + " ")), name + " in the recorded classes");
        }
        assertEquals(withoutTimings(root, unchanged), withoutTimings(root, recorded).lines()
                .filter(line -> !line.contains("class-data archive")).filter(line -> !line.contains("[cds]"))
                .collect(java.util.stream.Collectors.joining("\n")), "the build itself prints the same");
    }

    @Test
    void everyRecordingRunHoldsJRubyARefusedCommandLineOrAConvertingBuildAlike() throws Exception {
        Path root = folder.resolve("checkout");
        ServerProcesses.checkout(root);
        // a command line refused as a usage error converts nothing either: the client still loads JRuby for the archive
        Path refusedList = folder.resolve("refused-classes.txt");
        List<String> refusedRecording = new ArrayList<>(TIMED);
        refusedRecording.add("-XX:DumpLoadedClassList=" + refusedList);
        ServerProcesses.Run refused = ServerProcesses.build(root, refusedRecording, "--no-daemon", "--help");
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("class-data archive: JRuby and Asciidoctor loaded for it"), refused.out());
        assertTrue(Files.readAllLines(refusedList).contains("org/jruby/Ruby"));
        // a build that converts its pages loaded them itself: nothing more is done or printed
        Path buildList = folder.resolve("build-classes.txt");
        List<String> buildRecording = new ArrayList<>(TIMED);
        buildRecording.add("-XX:DumpLoadedClassList=" + buildList);
        ServerProcesses.Run converting = ServerProcesses.build(root, buildRecording, "--no-daemon", "--no-cache");
        assertEquals(0, converting.exit(), converting.err());
        assertTrue(converting.out().contains("JRuby and Asciidoctor started before the command line was read"), converting.out());
        assertFalse(converting.out().contains("class-data archive"), converting.out());
        assertTrue(Files.readAllLines(buildList).contains("org/jruby/Ruby"));
    }

    /** What a run printed, without its timing lines ({@code -Dpolisi.timings}), its folder and its seconds. */
    private static String withoutTimings(Path root, ServerProcesses.Run run) {
        return run.normalised(root, run.out()).lines().filter(line -> !line.matches(".*[0-9]+\\.[0-9]{2} s.*"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Map<String, String> texts(Path dir) throws java.io.IOException {
        Map<String, String> texts = new java.util.TreeMap<>();
        ServerProcesses.files(dir).forEach((name, bytes) -> texts.put(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void theCacheFolderIsReadAsCacheOptionsReadsIt() {
        Path root = folder.resolve("root");
        assertEquals(root.resolve(RenderCache.DEFAULT_DIR), BuildClient.cacheFolder(root, List.of("build", "--strict")));
        assertEquals(Path.of("x/y").toAbsolutePath(), BuildClient.cacheFolder(root, List.of("build", "--cache", "x/y")));
        assertEquals(Path.of("/tmp/c").toAbsolutePath(), BuildClient.cacheFolder(root, List.of("build", "--cache=/tmp/c", "--strict")));
        assertEquals(root.resolve(RenderCache.DEFAULT_DIR), BuildClient.cacheFolder(root, List.of("build", "--cache")));
    }
}
