package org.polisi.site.buildserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One build at a time per checkout (docs/adr/0079): every build the launcher starts, in its own
 * process or in the build server, holds an exclusive lock on {@code build.lock} in the
 * {@link ServerFolder} (an operating-system lock, {@link FileChannel#lock()}: released when the
 * process ends, however it ends). A second build waits, and says that it waits. Every other
 * command that writes the build's folders ({@code preview}, for each rebuild; {@code import};
 * {@code clean}) takes the same lock through {@link #ofCheckout}, so none of them can fail an
 * author's build half-way, or be failed by it (ADR 0088).
 */
public final class BuildLock implements AutoCloseable {
    /** The lock file a build holds in its work folder ({@link #ofWorkFolder}). */
    public static final String WORK_LOCK = "work.lock";
    /**
     * One permit per work folder for the builds of this process: an operating-system lock is held by
     * the process, not the thread, so a second {@link FileChannel#lock()} on the same file in one JVM
     * throws {@link java.nio.channels.OverlappingFileLockException} instead of waiting.
     */
    private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final FileChannel file;
    private final FileLock lock;
    private final Semaphore permit;

    private BuildLock(FileChannel file, FileLock lock) {
        this(file, lock, null);
    }

    private BuildLock(FileChannel file, FileLock lock, Semaphore permit) {
        this.file = file;
        this.lock = lock;
        this.permit = permit;
    }

    /**
     * Takes the lock of the work folder {@code workDir} (its PDF cache, staged pages, publish
     * staging...), waiting while another build uses it, in this process or any other, and saying so
     * on {@code waiting}. Tester 6: a browser test's build ({@code PolisiCli build} run directly,
     * without the launcher's checkout lock) and a developer's build in the same checkout deleted each
     * other's PDFs. Every build takes this lock, whoever started it; it is a different file from the
     * checkout's {@code build.lock}, which the launcher's process may already hold (docs/adr/0100).
     *
     * @param workDir the build's work folder (made if missing); the lock file is {@value #WORK_LOCK} in it
     * @return the lock, held until closed
     * @throws IOException when the folder or the lock file cannot be made or opened
     */
    public static BuildLock ofWorkFolder(Path workDir, PrintStream waiting) throws IOException {
        Files.createDirectories(workDir);
        Path key = workDir.toRealPath();
        Semaphore permit = IN_THIS_PROCESS.computeIfAbsent(key, k -> new Semaphore(1, true));
        String says = "polisi: another build is using the work folder " + key + "; this one starts when it ends";
        boolean said = false;
        if (!permit.tryAcquire()) {
            waiting.println(says);
            said = true;
            permit.acquireUninterruptibly();
        }
        try {
            FileChannel file = FileChannel.open(key.resolve(WORK_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = file.tryLock();
                if (lock == null) {
                    if (!said) {
                        waiting.println(says);
                    }
                    lock = file.lock();
                }
                return new BuildLock(file, lock, permit);
            } catch (IOException | RuntimeException failed) {
                file.close();
                throw failed;
            }
        } catch (IOException | RuntimeException failed) {
            permit.release();
            throw failed;
        }
    }

    /**
     * Takes the lock, waiting for another process's build to end first.
     *
     * @param waiting where to say that this build waits, if it does
     * @throws IOException when the lock file cannot be opened
     */
    static BuildLock take(ServerFolder folder, PrintStream waiting) throws IOException {
        FileChannel file = FileChannel.open(folder.buildLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = file.tryLock();
            if (lock == null) {
                waiting.println("polisi: another build of this checkout is running; this one starts when it ends");
                lock = file.lock();
            }
            return new BuildLock(file, lock);
        } catch (IOException | RuntimeException failed) {
            file.close();
            throw failed;
        }
    }

    /**
     * Takes the build lock of the checkout at {@code root}, waiting for a build in progress to end
     * and saying so on {@code messages}.
     *
     * @return the lock, held until closed; when the checkout's build-server folder cannot be used
     *     (see {@link ServerFolder#makePrivate}), a lock that holds nothing, after one line on
     *     {@code messages} saying why (the command then goes on, as {@code build} does)
     */
    public static BuildLock ofCheckout(Path root, PrintStream messages) {
        try {
            return take(ServerFolder.of(root).makePrivate(), messages);
        } catch (IOException noLock) {
            messages.println("polisi: going on without the build lock: " + noLock.getMessage());
            return new BuildLock(null, null);
        }
    }

    @Override
    public void close() throws IOException {
        if (file == null) {
            return;
        }
        try {
            lock.release();
        } finally {
            try {
                file.close();
            } finally {
                if (permit != null) {
                    permit.release();
                }
            }
        }
    }
}
