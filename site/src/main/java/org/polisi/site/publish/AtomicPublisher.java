package org.polisi.site.publish;

import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stage 7: publishes a finished build by swapping folders, never by writing into the live one, so
 * a failed or interrupted build leaves the last good site in place. The swap is two renames on the
 * same file system; a reader can at worst see the old site or the new one, never half of each page.
 */
public final class AtomicPublisher {
    private AtomicPublisher() {
    }

    public static void publish(Path built, Path live) throws IOException {
        Files.createDirectories(live.toAbsolutePath().getParent());
        Path previous = live.resolveSibling(live.getFileName() + ".previous");
        FileTrees.deleteRecursively(previous);
        if (Files.exists(live)) {
            Files.move(live, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(built, live, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(previous);
    }
}
