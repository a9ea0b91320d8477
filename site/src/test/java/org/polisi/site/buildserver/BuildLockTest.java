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
}
