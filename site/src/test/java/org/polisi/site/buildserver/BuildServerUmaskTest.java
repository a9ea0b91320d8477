package org.polisi.site.buildserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tester 4's fault 1: a build server started from a shell with {@code umask 077} published every
 * page 0600 and folder 0700 for a caller under {@code umask 022} (and the reverse), so behind the
 * guide's nginx every page was 403. The caller's umask decides: it is part of the server's
 * {@link Fingerprint} (a server of another umask stops and this build runs in the caller's own
 * process, then a server of the caller's umask replaces it) and of the nothing-changed record
 * (a build under another umask is not "nothing changed"). Real processes, both umasks both ways.
 */
class BuildServerUmaskTest {
    @TempDir
    Path folder;
    private Path root;

    @AfterEach
    void stopServers() throws Exception {
        if (root != null) {
            ServerProcesses.stopServer(root);
        }
    }

    @Test
    void theCallersUmaskDecidesThePublishedModesWhicheverUmaskStartedTheServer() throws Exception {
        root = folder.resolve("checkout");
        FixtureTree tree = ServerProcesses.checkout(root);
        Path published = root.resolve("site/target/public");

        ServerProcesses.Run careful = ServerProcesses.buildUnder("077", root);
        assertEquals(0, careful.exit(), careful.out() + careful.err());
        assertModes(published, "rw-------", "rwx------");
        ProcessHandle carefulServer = ServerProcesses.awaitServer(root);

        tree.write("schools/first/en/page.adoc", "= A Page\n:page-kind: page\n\nText of the page, changed once.\n");
        ServerProcesses.Run ordinary = ServerProcesses.buildUnder("022", root);
        assertEquals(0, ordinary.exit(), ordinary.out() + ordinary.err());
        assertTrue(ordinary.err().contains("started with another umask") && ordinary.err().contains("umask here 0022"), ordinary.err());
        assertModes(published, "rw-r--r--", "rwxr-xr-x");
        ServerProcesses.awaitExit(carefulServer);
        ProcessHandle ordinaryServer = ServerProcesses.awaitServer(root);
        assertNotEquals(carefulServer.pid(), ordinaryServer.pid());

        tree.write("schools/second/en/page.adoc", "= Another Page\n:page-kind: page\n\nText of another page, changed.\n");
        ServerProcesses.Run throughServer = ServerProcesses.buildUnder("022", root);
        assertEquals(0, throughServer.exit(), throughServer.out() + throughServer.err());
        assertFalse(throughServer.err().contains("polisi:"), "the server of the same umask was used, silently: " + throughServer.err());
        assertTrue(Files.readString(published.resolve("second/en/page.html")).contains("changed."));
        assertModes(published, "rw-r--r--", "rwxr-xr-x");

        // nothing changed but the umask: not "nothing changed", and the 022 server is not used
        ServerProcesses.Run carefulAgain = ServerProcesses.buildUnder("077", root);
        assertEquals(0, carefulAgain.exit(), carefulAgain.out() + carefulAgain.err());
        assertTrue(carefulAgain.err().contains("umask here 0077"), carefulAgain.err());
        assertFalse(carefulAgain.out().contains("nothing changed since the last build"), carefulAgain.out());
        assertModes(published, "rw-------", "rwx------");
        ServerProcesses.awaitExit(ordinaryServer);
    }

    /** Every file under {@code tree} has mode {@code file}, every folder {@code folder} (as {@code ls -l} writes them). */
    private static void assertModes(Path tree, String file, String folder) throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                files += directory ? 0 : 1;
                if (!mode.equals(directory ? folder : file)) {
                    wrong.put(tree.relativize(path).toString(), mode);
                }
            }
        }
        assertTrue(files > 5, "pages were published: " + files);
        assertEquals(Map.of(), wrong, "every file " + file + ", every folder " + folder);
    }
}
