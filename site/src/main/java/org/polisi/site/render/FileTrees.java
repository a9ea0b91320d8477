package org.polisi.site.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Copying and deleting folders, and whether they changed: the little file handling the stages share. */
public final class FileTrees {
    private FileTrees() {
    }

    /** At most this many subtrees are worked on at once: file operations wait on the disk far more than they compute. */
    private static final int FILE_THREADS = 4;

    /** Something done to one file or folder. */
    @FunctionalInterface
    public interface FileAction<T> {
        void apply(T item) throws IOException;
    }

    /**
     * Applies {@code action} to each of {@code items} on up to four threads, for file work that is
     * mostly waiting on the disk (linking, deleting, setting modes of thousands of files), each item
     * its own subtree so that the order they are done in changes nothing. Returns when every item is
     * done.
     *
     * @throws IOException the first failure, after every item was attempted
     */
    public static <T> void inParallel(List<T> items, FileAction<T> action) throws IOException {
        if (items.size() < 2) {
            for (T item : items) {
                action.apply(item);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(FILE_THREADS, items.size()), runnable -> {
            Thread thread = new Thread(runnable, "polisi-files");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> {
                    action.apply(item);
                    return null;
                }));
            }
            IOException failed = null;
            for (Future<Void> one : done) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof IOException io ? io
                                : e.getCause() instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause()
                                : new IOException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Deletes {@code dir} and everything under it (a file or a link: itself only; nothing when absent).
     * A folder's entries are deleted on up to four threads ({@link #inParallel}), each its own subtree: removing thousands
     * of pages (a published tree, a build's output) is mostly waiting for the file system's
     * journal, and those waits overlap (docs/adr/0091). Links are deleted, never followed.
     *
     * @throws IOException when a file or folder cannot be deleted (the first failure; the others' subtrees are still attempted)
     */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(dir);
            return;
        }
        List<Path> entries;
        try (Stream<Path> listed = Files.list(dir)) {
            entries = listed.toList();
        }
        if (entries.size() < 2) {
            deleteTree(dir);
            return;
        }
        inParallel(entries, FileTrees::deleteTree);
        Files.delete(dir);
    }

    /**
     * Deletes {@code dir} on a thread of its own, after renaming it out of the way: when this
     * returns, {@code dir} no longer exists and can be made again at once. Folders left by an earlier
     * deletion that never finished (its process ended) are deleted after it, as far as they can be
     * (the next call tries again). Where the rename is refused (another file system), deletes it now.
     *
     * @return the deletion, to {@link Deletion#join} before the process may end
     * @throws IOException when {@code dir} can neither be moved nor deleted
     */
    public static Deletion deleteInBackground(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        String prefix = dir.getFileName() + ".deleting-";
        List<Path> leftovers;
        try (Stream<Path> listed = Files.exists(parent) ? Files.list(parent) : Stream.empty()) {
            leftovers = listed.filter(path -> path.getFileName().toString().startsWith(prefix)).toList();
        }
        Path moved = null;
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                moved = Files.move(dir, parent.resolve(prefix + System.nanoTime()), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException notMoved) {
                deleteRecursively(dir);
            }
        }
        Path aside = moved;
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            Exception failed = null;
            try {
                if (aside != null) {
                    deleteRecursively(aside);
                }
            } catch (IOException | RuntimeException e) {
                failed = e;
            }
            for (Path leftover : leftovers) {
                try {
                    deleteRecursively(leftover);
                } catch (IOException | RuntimeException stillThere) {
                    // housekeeping only: another thread may be deleting it too; the next build tries again
                }
            }
            if (failed == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failed);
            }
        }, "polisi-delete-" + dir.getFileName());
        thread.setDaemon(true);
        thread.start();
        return new Deletion(done);
    }

    /** A deletion running on its own thread ({@link #deleteInBackground}). */
    public static final class Deletion {
        private final java.util.concurrent.CompletableFuture<Void> done;

        private Deletion(java.util.concurrent.CompletableFuture<Void> done) {
            this.done = done;
        }

        /**
         * Waits until the folder set aside and any leftovers are deleted.
         *
         * @throws IOException when the folder set aside could not be deleted (a leftover that cannot be is left for the next call)
         */
        public void join() throws IOException {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while deleting");
            }
        }
    }

    /** Deletes {@code tree} on this thread, the deepest entries first. */
    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
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
