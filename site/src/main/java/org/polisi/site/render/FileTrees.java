package org.polisi.site.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copying and deleting folders, and whether they changed: the little file handling the stages share. */
public final class FileTrees {
    private FileTrees() {
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Writes {@code bytes} to {@code target} whole or not at all: to a temporary file in the same
     * folder, then renamed over {@code target} ({@code ATOMIC_MOVE}, POSIX rename(2)), so a reader,
     * or another process writing the same file, sees the old file or the new one, never a part.
     * The folder is created if needed; a temporary file left by a failed write is deleted.
     *
     * @throws IOException when the folder or file cannot be written
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);      // gone after the move; a stray one is never read (its name ends .tmp)
        }
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Whether a file or folder under {@code roots} was modified after {@code since}: a stage's guess
     * whether its inputs changed since it last stamped its work (the render cache's JRuby start,
     * the PDFs' warm-up). A file that vanishes while it is read counts as changed.
     *
     * @throws IOException when a root does not exist or cannot be read (callers then guess "changed")
     */
    public static boolean changedAfter(List<Path> roots, FileTime since) throws IOException {
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                if (files.anyMatch(file -> modifiedAfter(file, since))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean modifiedAfter(Path file, FileTime since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(since) > 0;
        } catch (IOException gone) {
            return true;
        }
    }
}
