package org.polisi.site.buildserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
    private final FileChannel file;
    private final FileLock lock;

    private BuildLock(FileChannel file, FileLock lock) {
        this.file = file;
        this.lock = lock;
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
            file.close();
        }
    }
}
