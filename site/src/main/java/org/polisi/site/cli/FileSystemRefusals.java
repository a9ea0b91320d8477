package org.polisi.site.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to tell a person whose build the file system refused, in one plain line naming the folder,
 * its owner and what to do, instead of "the build stopped unexpectedly ... please report this"
 * (tester 5's fault 4: after root built in another user's checkout, the owner's next build met a
 * root-owned file and died with a Java exception's name). Two parts, docs/adr/0097:
 * <ul>
 *   <li>{@link #beforeBuilding}: the folders a build writes (the build cache, the work folder, the
 *   published sites, the manifests, the agreed texts) are refused before anything is written when
 *   one of them, or a folder on its way inside the checkout, is a symbolic link (a build would write
 *   wherever it leads) or belongs to another user (a build would leave files its owner cannot
 *   replace), as the build server's own folder already is (docs/adr/0079);</li>
 *   <li>{@link #explain}: any refusal met during a build (permission denied, an operation not
 *   permitted, a read-only file system, a full disk, a file where a folder should be, a loop of
 *   links) is explained from the exception's path and the file system's own answer
 *   ({@code errno} as {@link FileSystemException#getReason()} gives it, POSIX strerror wording).</li>
 * </ul>
 */
public final class FileSystemRefusals {
    private FileSystemRefusals() {
    }

    /**
     * Why a build with this user must not write into {@code folders} of the checkout at {@code root},
     * or empty when it may. A folder that does not exist yet is fine (the build makes it, as this user).
     *
     * @param folders absolute or relative to the working folder; those outside {@code root} are checked themselves only
     */
    public static Optional<String> beforeBuilding(Path root, List<Path> folders) {
        Path checkout = root.toAbsolutePath().normalize();
        String user = System.getProperty("user.name");
        for (Path folder : folders) {
            Path absolute = folder.toAbsolutePath().normalize();
            Path step = absolute.startsWith(checkout) ? checkout : absolute;
            int depth = 0;
            for (Path part : absolute.startsWith(checkout) ? checkout.relativize(absolute) : Path.of("")) {
                step = part.toString().isEmpty() ? step : step.resolve(part);
                depth++;
                // site/ and data/ are the checkout's own (its sources): only a link there is refused, their owner is the checkout's
                boolean checkOwner = !absolute.startsWith(checkout) || depth > 1 || step.equals(absolute);
                Optional<String> refused = refusal(checkout, step, checkOwner ? user : null);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #beforeBuilding} for the folders a build with {@code options} writes: its work folder,
     * published sites, manifests and agreed texts, and {@code cacheDir} when the cache is used.
     */
    public static Optional<String> beforeBuilding(Path root, org.polisi.site.BuildOptions options, Optional<Path> cacheDir) {
        List<Path> written = new java.util.ArrayList<>(List.of(options.workDir(), options.outputDir(), options.manifestsDir(),
                options.agreedTextsDir()));
        cacheDir.ifPresent(written::add);
        return beforeBuilding(root, written);
    }

    /** Why {@code folder} is refused: a link, or (when {@code user} is given) another user's folder; empty when it is neither. */
    private static Optional<String> refusal(Path checkout, Path folder, String user) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException unreadable) {
            return Optional.empty();     // no POSIX owners here (another file system): the build meets any refusal itself
        }
        String shown = shown(checkout, folder);
        if (attributes.isSymbolicLink()) {
            String target;
            try {
                target = Files.readSymbolicLink(folder).toString();
            } catch (IOException unreadable) {
                target = "somewhere else";
            }
            return Optional.of(shown + " is a link to " + target + ": a build writes only into real folders, never where a"
                    + " link leads. Remove the link (rm " + shown + ") and build again; nothing was written by this run");
        }
        String owner = attributes.owner().getName();
        if (user != null && !owner.equals(user)) {
            return Optional.of(foreign(shown, owner, user) + "; nothing was written by this run");
        }
        return Optional.empty();
    }

    private static String foreign(String folder, String owner, String user) {
        return folder + " belongs to " + owner + ", not to " + user + " who is building: a build here would leave files "
                + owner + " cannot replace. Build as " + owner + " (sudo -u " + owner + " ./polisi build), or, if the"
                + " checkout is yours, take the folder back (sudo chown -R " + user + ": " + folder + ")";
    }

    /**
     * The line to print (without "error: ") when {@code fault}, or an exception it was caused by, is the
     * file system refusing something; empty for anything else (a fault of ours, to be reported).
     * Paths inside {@code root} are shown relative to it.
     */
    public static Optional<String> explain(Throwable fault, Path root) {
        Path checkout = root.toAbsolutePath().normalize();
        for (Throwable cause = fault; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<String> said = said(cause, checkout);
            if (said.isPresent()) {
                return Optional.of(said.get() + ". No page was published by this run");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> said(Throwable cause, Path checkout) {
        if (cause instanceof ReadOnlyFileSystemException) {
            return Optional.of("the build cannot write: the folder is on a read-only file system; build in a copy of the"
                    + " checkout you can write, or remount it writable");
        }
        String reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : cause.getMessage() == null ? "" : cause.getMessage();
        String lower = reason.toLowerCase(Locale.ROOT);
        Path file = cause instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : null;
        String where = file == null ? "a file" : shown(checkout, file.toAbsolutePath().normalize());
        if (lower.contains("no space left") || lower.contains("disk quota")) {
            return Optional.of("the build cannot write " + where + ": the disk (or your quota) is full; free some space"
                    + " (./polisi clean deletes the build cache and work folder) and build again");
        }
        if (lower.contains("read-only file system")) {
            return Optional.of("the build cannot write " + where + ": it is on a read-only file system; build in a copy of"
                    + " the checkout you can write, or remount it writable");
        }
        if (file == null) {
            return Optional.empty();
        }
        if (cause instanceof FileSystemLoopException || lower.contains("too many levels of symbolic links")) {
            return Optional.of("the build cannot follow " + where + ": its links lead back into themselves; remove the link"
                    + " and build again");
        }
        if (cause instanceof NotDirectoryException || cause instanceof FileAlreadyExistsException || lower.contains("not a directory")) {
            return Optional.of("the build cannot make a folder at " + where + ": a file (or a link) is in the way; remove it"
                    + " (./polisi clean deletes the build's own folders) and build again");
        }
        if (cause instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return Optional.of("the build cannot write " + where + ": " + blocker(checkout, file));
        }
        return Optional.empty();
    }

    /** Who or what keeps {@code file} from this user: the outermost folder on its way that another user owns, else the nearest one not writable. */
    private static String blocker(Path checkout, Path file) {
        String user = System.getProperty("user.name");
        Path absolute = file.toAbsolutePath().normalize();
        Path stop = absolute.startsWith(checkout) ? checkout : absolute.getRoot();
        Path foreign = null;
        String foreignOwner = null;
        Path locked = null;
        for (Path step = absolute; step != null && step.startsWith(stop); step = step.getParent()) {
            try {
                PosixFileAttributes attributes = Files.readAttributes(step, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.owner().getName().equals(user)) {
                    foreign = step;
                    foreignOwner = attributes.owner().getName();
                } else if (locked == null && (attributes.isDirectory() || step.equals(absolute)) && !Files.isWritable(step)) {
                    locked = step;
                }
            } catch (IOException | UnsupportedOperationException unreadable) {
                // absent, or no POSIX owners: look further up
            }
            if (step.equals(stop)) {
                break;
            }
        }
        if (foreign != null) {
            return foreign(shown(checkout, foreign), foreignOwner, user);
        }
        if (locked != null) {
            String mode = "";
            try {
                mode = " (mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(locked, LinkOption.NOFOLLOW_LINKS)) + ")";
            } catch (IOException | UnsupportedOperationException unknown) {
                // the mode is a detail
            }
            String shown = shown(checkout, locked);
            return shown + " is not writable by " + user + mode + ": make it writable (chmod u+w " + shown + "), or build"
                    + " in a copy of the checkout you can write";
        }
        return "the file system refused it (" + user + " may not write there): check the folder's owner and mode (ls -ld "
                + shown(checkout, absolute.getParent() == null ? absolute : absolute.getParent()) + ")";
    }

    private static String shown(Path checkout, Path path) {
        return path.startsWith(checkout) && !path.equals(checkout) ? checkout.relativize(path).toString() : path.toString();
    }
}
