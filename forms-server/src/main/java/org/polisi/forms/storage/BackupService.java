package org.polisi.forms.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies the live database to a new file with {@code VACUUM INTO}: a consistent snapshot taken
 * while the server keeps running, compacted, with no WAL file to forget. The copy is readable by its
 * owner only (mode 0600, in a 0700 folder when the folder is new).
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
        // VACUUM INTO writes into an empty file: made first with mode 0600 so the copy is private
        PrivateFiles.create(target);
        jdbi.useHandle(handle -> handle.createUpdate("VACUUM INTO :target")
                .bind("target", target.toAbsolutePath().toString())
                .execute());
    }
}
