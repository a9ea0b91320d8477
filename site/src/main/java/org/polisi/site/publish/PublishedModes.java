package org.polisi.site.publish;

import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gives every file and folder of a tree about to be published the mode the process's umask gives a
 * new file or folder (POSIX {@code open(2)}: {@code 0666 & ~umask}; {@code mkdir(2)}:
 * {@code 0777 & ~umask}), so that a web server running as another user (docs/deploy.md: nginx's
 * workers) can read every page, PDF, image and stylesheet when the operator's umask allows it,
 * and none when it does not. Stages write some files privately (a temporary file is 0600,
 * {@code Files.createTempFile}); publishing is the one place that decides what the public sees.
 * The umask is read as Java can: from the mode of a file and a folder made here for the purpose.
 * Nothing is done on a file system without POSIX modes.
 */
public final class PublishedModes {
    private PublishedModes() {
    }

    /**
     * Sets the mode of every regular file and folder under {@code tree} (itself included).
     *
     * @throws IOException when the tree cannot be walked or a mode cannot be set
     */
    public static void apply(Path tree) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.isDirectory(tree)) {
            return;
        }
        Path probeFile = tree.resolve(".polisi-umask-file");
        Path probeFolder = tree.resolve(".polisi-umask-folder");
        Set<PosixFilePermission> fileMode;
        Set<PosixFilePermission> folderMode;
        try {
            fileMode = Files.getPosixFilePermissions(Files.createFile(probeFile));
            folderMode = Files.getPosixFilePermissions(Files.createDirectory(probeFolder));
        } finally {
            Files.deleteIfExists(probeFile);
            Files.deleteIfExists(probeFolder);
        }
        Files.setPosixFilePermissions(tree, folderMode);
        List<Path> entries;
        try (Stream<Path> listed = Files.list(tree)) {
            entries = listed.toList();
        }
        // each of the tree's entries (a site, the assets) on its own thread: setting modes waits on the disk
        FileTrees.inParallel(entries, entry -> apply(entry, fileMode, folderMode));
    }

    private static void apply(Path subtree, Set<PosixFilePermission> fileMode, Set<PosixFilePermission> folderMode) throws IOException {
        try (Stream<Path> paths = Files.walk(subtree)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, folderMode);
                } else if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, fileMode);
                }
            }
        }
    }
}
