package org.polisi.site.buildserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.site.buildserver.ServerProcesses.build;

/**
 * {@code ./polisi build} through a real build server process (docs/adr/0079): the server's builds
 * print, exit and publish exactly what builds in their own process do; a server of other options is
 * not used, a killed one is replaced, and {@code --stop} stops it.
 */
class BuildServerTest {
    private static final String STARTED = "polisi: started a build server for this checkout";

    @TempDir
    Path folder;

    @AfterEach
    void stopEveryServer() throws Exception {
        for (String checkout : List.of("served", "alone")) {
            ServerProcesses.stopServer(folder.resolve(checkout));
        }
    }

    @Test
    void aBuildThroughTheServerPrintsExitsAndPublishesWhatABuildInItsOwnProcessDoes() throws Exception {
        Path served = folder.resolve("served");
        Path alone = folder.resolve("alone");
        FixtureTree servedTree = ServerProcesses.checkout(served);
        FixtureTree aloneTree = ServerProcesses.checkout(alone);

        ServerProcesses.Run first = build(served);
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.err().contains(STARTED), "the first build says that it started a server: " + first.err());
        build(alone, "--no-daemon");
        ProcessHandle server = ServerProcesses.awaitServer(served);
        ServerFolder serverFolder = ServerFolder.of(served);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(serverFolder.dir())), "only its owner enters the folder");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(serverFolder.socket())));

        List<String> steps = List.of("a page changed", "an error at a file and line");
        List<ServerProcesses.Run> throughServer = new ArrayList<>();
        for (String step : steps) {
            for (FixtureTree tree : List.of(servedTree, aloneTree)) {
                if (step.equals("a page changed")) {
                    tree.write("schools/first/en/page.adoc", "= A Page\n:page-kind: page\n\nText of the page, changed.\n");
                } else {
                    tree.write("schools/second/en/page.adoc", "= Another Page\n:page-kind: page\n\nSee <<no-such-section>> for more.\n");
                }
            }
            ServerProcesses.Run viaServer = build(served, "--strict");
            ServerProcesses.Run inProcess = build(alone, "--strict", "--no-daemon");
            throughServer.add(viaServer);
            assertEquals(inProcess.exit(), viaServer.exit(), step + ": the same exit status\n" + viaServer.out() + viaServer.err());
            assertEquals(inProcess.normalised(alone, inProcess.out()), viaServer.normalised(served, viaServer.out()), step + ": the same output");
            assertEquals(inProcess.normalised(alone, inProcess.err()), viaServer.normalised(served, viaServer.err()), step + ": the same errors");
            assertFalse(viaServer.err().contains("polisi:"), step + ": the server was used, silently: " + viaServer.err());
            assertSameFiles(ServerProcesses.files(alone.resolve("site/target/public")), ServerProcesses.files(served.resolve("site/target/public")));
        }
        assertTrue(throughServer.get(0).out().matches("(?s).*\\n  1 of \\d+ pages converted.*"), throughServer.get(0).out());
        assertEquals(1, throughServer.get(1).exit(), "an error fails the build through the server too");
        assertTrue(throughServer.get(1).err().lines().anyMatch(line -> line.matches("content/schools/second/en/page\\.adoc:\\d+: error: .*")),
                throughServer.get(1).err());
        assertTrue(server.isAlive(), "the same server ran both builds");
        assertEquals(2, ServerProcesses.log(served).lines().filter(line -> line.contains(" build build --strict: exit ")).count(),
                ServerProcesses.log(served));
    }

    @Test
    void aServerOfOtherOptionsIsNotUsedAKilledOneIsReplacedAndStopStopsIt() throws Exception {
        Path served = folder.resolve("served");
        ServerProcesses.checkout(served);
        build(served);
        ProcessHandle first = ServerProcesses.awaitServer(served);

        List<String> otherFlags = new ArrayList<>(ServerProcesses.LAUNCHER_FLAGS);
        otherFlags.set(2, "-Xss8m");
        ServerProcesses.Run other = build(served, otherFlags);
        assertEquals(0, other.exit(), other.out() + other.err());
        assertTrue(other.err().contains("runs other code or options"), other.err());
        assertTrue(other.out().contains("Published first, second"), other.out());
        ServerProcesses.awaitExit(first);
        ProcessHandle second = ServerProcesses.awaitServer(served);
        assertNotEquals(first.pid(), second.pid());
        String commandLine = Files.readString(Path.of("/proc", Long.toString(second.pid()), "cmdline"));
        assertTrue(commandLine.contains("-Xss8m\0"), "the new server has the new options: " + commandLine);

        second.destroyForcibly();
        ServerProcesses.awaitExit(second);
        assertTrue(Files.exists(ServerFolder.of(served).socket()), "a killed server leaves its socket");
        ServerProcesses.Run afterKill = build(served, otherFlags);
        assertEquals(0, afterKill.exit(), afterKill.out() + afterKill.err());
        assertTrue(afterKill.err().contains("is not answering"), afterKill.err());
        assertTrue(afterKill.err().contains(STARTED), afterKill.err());
        assertTrue(afterKill.out().contains("Published first, second") || afterKill.out().contains("nothing changed since the last build"),
                afterKill.out());
        ProcessHandle third = ServerProcesses.awaitServer(served);

        ServerProcesses.Run stop = build(served, otherFlags, "--stop");
        assertEquals("Stopped this checkout's build server.", stop.out().strip(), stop.out() + stop.err());
        ServerProcesses.awaitExit(third);
        assertFalse(Files.exists(ServerFolder.of(served).socket()));
        assertEquals("No build server runs for this checkout.", build(served, otherFlags, "--stop").out().strip());
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }
}
