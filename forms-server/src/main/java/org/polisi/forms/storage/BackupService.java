package org.polisi.forms.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies the live database to a new file with {@code VACUUM INTO}: a consistent snapshot taken
 * while the server keeps running, compacted, with no WAL file to forget.
 */
public final class BackupService {

    private final Jdbi jdbi;

    public BackupService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("backup target " + target + " already exists: choose a new file");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + target, e);
        }
        jdbi.useHandle(handle -> handle.createUpdate("VACUUM INTO :target")
                .bind("target", target.toAbsolutePath().toString())
                .execute());
    }
}
