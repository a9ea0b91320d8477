package org.polisi.forms.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.polisi.contract.PrivateFolders;

/**
 * Files that hold personal data or keys are readable by their owner only (mode 0600) and sit in
 * folders only their owner can open (0700), whatever the process's umask: the database and its
 * {@code -wal}, {@code -shm} and {@code -journal}, backups, exports, the checkpoint log and keys
 * (issue #23; OWASP ASVS 5.0 V13 "configuration", V14 "data protection").
 *
 * <p>Each file is created with 0600 from the start (no moment when it is readable by others) and
 * then set to 0600 explicitly, since a umask can only remove bits. On a file system without POSIX
 * permissions (Windows) nothing is changed: the folder's access control list applies.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_FOLDER = PrivateFolders.OWNER_FOLDER;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** A file or folder could not be made private: the server must not start (or the command not run). */
    public static final class NotPrivate extends RuntimeException {
        public NotPrivate(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PrivateFiles() {
    }

    /** Creates the folder and any missing parents with mode 0700 ({@link PrivateFolders#create}). */
    public static void folder(Path folder) {
        PrivateFolders.create(folder);
    }

    /** Creates an empty file with mode 0600 (and its folder with 0700) unless it exists. */
    public static void create(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        folder(parent);
        try {
            if (posix(parent)) {
                FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(OWNER_FILE);
                Files.createFile(file, owner);
                Files.setPosixFilePermissions(file, OWNER_FILE);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // kept as it is; tighten() deals with its mode
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Writes a new file (0600) with the text, UTF-8; refuses to overwrite one that exists. */
    public static void writeNew(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        folder(parent);
        if (posix(parent)) {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, OWNER_FILE);
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
    }

    /** Writes the file (0600) with the text, UTF-8, replacing it if it exists (an export's --out). */
    public static void write(Path file, String text) throws IOException {
        create(file);
        tighten(file);
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /**
     * Removes group and other permissions from an existing file or folder, keeping the owner's
     * (a file the operator made read-only stays read-only: 0444 becomes 0400).
     *
     * @return whether anything had to change (false when it was already private, or is absent)
     * @throws NotPrivate when it cannot be changed (another owner, a read-only file system)
     */
    public static boolean tighten(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || !posix(path)) {
            return false;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (now.stream().noneMatch(OTHERS::contains)) {
                return false;
            }
            Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
            ownerOnly.addAll(now);
            ownerOnly.removeAll(OTHERS);
            Files.setPosixFilePermissions(path, ownerOnly);
            return true;
        } catch (IOException | SecurityException e) {
            throw new NotPrivate(path + " can be read by other users of this computer and its mode cannot be "
                    + "changed (" + e.getMessage() + "). Make it readable by the server's user only (chmod "
                    + (Files.isDirectory(path) ? "700" : "600") + ", owned by that user), then start again.", e);
        }
    }

    /** Tightens each path that exists; returns those that changed. Throws {@link NotPrivate} at the first that cannot. */
    public static List<Path> tightenAll(List<Path> paths) {
        List<Path> changed = new ArrayList<>();
        for (Path path : paths) {
            if (tighten(path)) {
                changed.add(path);
            }
        }
        return changed;
    }

    /** The SQLite files that go with a database file. */
    public static List<Path> databaseFiles(Path database) {
        Path absolute = database.toAbsolutePath();
        return List.of(absolute, Path.of(absolute + "-wal"), Path.of(absolute + "-shm"), Path.of(absolute + "-journal"));
    }

    private static boolean posix(Path near) {
        return PrivateFolders.posix(near);
    }
}
