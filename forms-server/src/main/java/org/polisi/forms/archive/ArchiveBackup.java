package org.polisi.forms.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.polisi.forms.storage.PrivateFiles;

/**
 * Copies the archive of agreed texts next to a database backup: {@code <backup file>.agreed-texts/}, the
 * same tree of snapshots, so that restoring both restores records and the texts they name. Snapshots
 * are never rewritten, so a copy taken while a build adds new ones is still a consistent archive (it
 * may lack only the newest, which no record named when the database was copied before it).
 */
public final class ArchiveBackup {

    private ArchiveBackup() {
    }

    /** The folder a backup of the archive goes to, beside {@code databaseBackup}. */
    public static Path besides(Path databaseBackup) {
        return databaseBackup.resolveSibling(databaseBackup.getFileName() + ".agreed-texts");
    }

    /**
     * @return how many snapshots were copied
     * @throws IllegalArgumentException when {@code target} already exists
     */
    public static int copy(Path archive, Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("backup target " + target + " already exists: choose a new name");
        }
        try {
            PrivateFiles.folder(target); // a backup sits beside the database's: 0700 from the start
            if (!Files.isDirectory(archive)) {
                return 0;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(archive)) {
                files = walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".json")).toList();
            }
            for (Path file : files) {
                Path copy = target.resolve(archive.relativize(file).toString());
                PrivateFiles.folder(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return files.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the archive of agreed texts " + archive + " to " + target, e);
        }
    }
}
