package org.polisi.site.buildserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a checkout's build server lives: {@code site/target/build-server/}, a folder only its owner
 * may enter (mode 0700), holding the socket ({@code socket}), the lock a running server holds
 * ({@code server.lock}), the lock each build holds ({@code build.lock}), the server's process id
 * ({@code server.pid}) and its log ({@code server.log}). Nobody but the owner can reach the socket,
 * because connecting to a Unix domain socket needs search permission on its folder.
 *
 * @param dir the folder, absolute
 */
public record ServerFolder(Path dir) {
    /** The folder under a checkout, relative to its root. */
    public static final String RELATIVE = "site/target/build-server";
    /** Linux's {@code sockaddr_un.sun_path} holds 108 bytes with the closing zero. */
    static final int MAX_SOCKET_PATH = 107;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The folder of the checkout at {@code root}. */
    public static ServerFolder of(Path root) {
        return new ServerFolder(root.toAbsolutePath().normalize().resolve(RELATIVE));
    }

    public Path socket() {
        return dir.resolve("socket");
    }

    public Path serverLock() {
        return dir.resolve("server.lock");
    }

    public Path buildLock() {
        return dir.resolve("build.lock");
    }

    public Path pidFile() {
        return dir.resolve("server.pid");
    }

    public Path log() {
        return dir.resolve("server.log");
    }

    /**
     * Makes the folder if it is missing (mode 0700 from the start, never wider for a moment) and
     * checks that it is private.
     *
     * @return this folder, ready to hold a socket
     * @throws IOException when it cannot be made, or when it is a link, belongs to someone else or
     *     others may enter it, or the socket's path is longer than a Unix socket address holds (the
     *     message says which; nothing is changed then)
     */
    public ServerFolder makePrivate() throws IOException {
        if (socket().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("the checkout's path is too long for a Unix socket (" + socket() + ": at most "
                    + MAX_SOCKET_PATH + " bytes)");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another client made it at the same moment: checked below like any other
            }
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw new IOException(dir + " is not a folder");
        }
        if (!attributes.owner().getName().equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " belongs to " + attributes.owner().getName() + ", not to " + System.getProperty("user.name"));
        }
        if (!attributes.permissions().equals(OWNER_ONLY)) {
            throw new IOException(dir + " is not private (mode " + PosixFilePermissions.toString(attributes.permissions())
                    + ", not rwx------)");
        }
        return this;
    }
}
