package org.polisi.site.buildserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** One build at a time per checkout: a build started while another holds the lock says so, writes nothing, and runs after it. */
class BuildLockTest {
    private static final String WAITING = "another build of this checkout is running; this one starts when it ends";

    @TempDir
    Path root;

    @Test
    void aSecondBuildWaitsForTheFirstAndSaysSo() throws Exception {
        ServerProcesses.checkout(root);
        ServerFolder folder = ServerFolder.of(root).makePrivate();
        ServerProcesses.Started second;
        try (FileChannel file = FileChannel.open(folder.buildLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock first = file.lock()) {     // another process's build, as far as the client can tell
            second = ServerProcesses.start(root, ServerProcesses.LAUNCHER_FLAGS, "--no-daemon");
            while (!Files.readString(second.err(), StandardCharsets.UTF_8).contains(WAITING)) {
                if (!second.process().isAlive()) {
                    fail("the build ran while another held the checkout's lock: " + second.finish());
                }
                Thread.sleep(100);
            }
            assertTrue(second.process().isAlive());
            assertFalse(Files.exists(root.resolve("site/target/public")), "nothing was built while the lock was held");
        }
        ServerProcesses.Run run = second.finish();
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Published first, second"), run.out());
    }

    /**
     * Tester 3's fault 4: {@code ./polisi preview} built without the lock, so a build meanwhile
     * failed with "the renderer did not write ...". Each of its (re)builds now waits for the lock.
     */
    @Test
    void aPreviewWaitsForABuildInProgressAndSaysSo() throws Exception {
        ServerProcesses.checkout(root);
        ServerFolder folder = ServerFolder.of(root).makePrivate();
        ServerProcesses.Started preview;
        try (FileChannel file = FileChannel.open(folder.buildLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock first = file.lock()) {
            preview = ServerProcesses.startCommand(root, ServerProcesses.LAUNCHER_FLAGS, "preview", "--port", "0");
            awaitText(preview, WAITING);
            assertTrue(preview.process().isAlive());
            assertFalse(Files.exists(root.resolve("site/target/public")), "the preview built nothing while the lock was held");
        }
        try {
            awaitText(preview, "Previewing on http://localhost:");
            assertTrue(Files.isRegularFile(root.resolve("site/target/public/first/en/page.html")), "built once the lock was free");
            assertFalse(Files.readString(preview.err(), StandardCharsets.UTF_8).contains("rebuild failed"));
        } finally {
            preview.process().destroy();
            preview.process().waitFor();
        }
    }

    /** A variant: {@code ./polisi clean} deletes the work folder only when no build is using it. */
    @Test
    void cleanWaitsForABuildInProgress() throws Exception {
        ServerProcesses.checkout(root);
        ServerFolder folder = ServerFolder.of(root).makePrivate();
        Path work = org.polisi.site.BuildOptions.defaults(root).workDir();
        Files.createDirectories(work);
        Files.writeString(work.resolve("in-use.txt"), "a build is using this");
        ServerProcesses.Started clean;
        try (FileChannel file = FileChannel.open(folder.buildLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock first = file.lock()) {
            clean = ServerProcesses.startCommand(root, ServerProcesses.LAUNCHER_FLAGS, "clean");
            awaitText(clean, WAITING);
            assertTrue(Files.exists(work.resolve("in-use.txt")), "nothing deleted while the build holds the lock");
        }
        ServerProcesses.Run run = clean.finish();
        assertEquals(0, run.exit(), run.out() + run.err());
        assertFalse(Files.exists(work.resolve("in-use.txt")), run.out());
    }

    /** Waits (five minutes at most) until the process has printed {@code text} on either stream. */
    private static void awaitText(ServerProcesses.Started started, String text) throws Exception {
        for (int i = 0; i < 3000; i++) {
            String both = Files.readString(started.out(), StandardCharsets.UTF_8) + Files.readString(started.err(), StandardCharsets.UTF_8);
            if (both.contains(text)) {
                return;
            }
            if (!started.process().isAlive()) {
                fail("ended without printing '" + text + "': " + both);
            }
            Thread.sleep(100);
        }
        fail("never printed '" + text + "'");
    }
}
