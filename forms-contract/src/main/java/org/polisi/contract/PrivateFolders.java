package org.polisi.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The data folder's rule, shared by the site build (which writes the archive of agreed texts into
 * {@code data/}) and the forms server (which keeps the database and keys there): a folder either
 * makes is created readable by its owner only (mode 0700) from the moment it exists, whatever the
 * umask, never created open and tightened afterwards (issue 23; OWASP ASVS 5.0 V14, data
 * protection). On a file system without POSIX permissions (Windows) folders are created plainly and
 * the parent's access control list applies.
 */
public final class PrivateFolders {

    /** rwx------ */
    public static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFolders() {
    }

    /**
     * Creates the folder and each missing parent with mode 0700 (set at creation, then set again,
     * since a umask can only remove bits); folders that exist are left as they are.
     *
     * @throws UncheckedIOException when a folder cannot be created
     */
    public static void create(Path folder) {
        List<Path> missing = new ArrayList<>();
        for (Path at = folder.toAbsolutePath(); at != null && !Files.exists(at); at = at.getParent()) {
            missing.add(0, at);
        }
        for (Path create : missing) {
            try {
                if (posix(create.getParent())) {
                    Files.createDirectory(create, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                    Files.setPosixFilePermissions(create, OWNER_FOLDER);
                } else {
                    Files.createDirectory(create);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it at the same moment
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder " + create, e);
            }
        }
    }

    /** Whether the nearest existing folder at or above {@code near} has POSIX permissions. */
    public static boolean posix(Path near) {
        Path existing = near;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
