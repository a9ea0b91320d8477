package org.polisi.site.buildserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's folder is made owner-only, and one that others may enter, or a link, is refused and left as it is. */
class ServerFolderTest {
    @TempDir
    Path root;

    @Test
    void aNewFolderIsOwnerOnly() throws IOException {
        ServerFolder folder = ServerFolder.of(root).makePrivate();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.dir())));
        assertEquals(root.resolve("site/target/build-server"), folder.dir());
    }

    @Test
    void aFolderOthersMayEnterIsRefusedAndLeftAlone() throws IOException {
        for (String mode : new String[] {"rwxr-x---", "rwx-----x", "rwxrwxrwx"}) {
            Path dir = Files.createDirectories(root.resolve("site/target/build-server"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
            IOException refused = assertThrows(IOException.class, () -> ServerFolder.of(root).makePrivate());
            assertTrue(refused.getMessage().contains("is not private"), refused.getMessage());
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
    }

    @Test
    void aLinkInThePlaceOfTheFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(root.resolve("site/target"));
        Files.createSymbolicLink(root.resolve("site/target/build-server"), elsewhere);
        IOException refused = assertThrows(IOException.class, () -> ServerFolder.of(root).makePrivate());
        assertTrue(refused.getMessage().contains("is not a folder"), refused.getMessage());
    }

    @Test
    void aCheckoutTooDeepForASocketAddressIsRefusedBeforeAnythingIsMade() {
        Path deep = root.resolve("d".repeat(ServerFolder.MAX_SOCKET_PATH));
        IOException refused = assertThrows(IOException.class, () -> ServerFolder.of(deep).makePrivate());
        assertTrue(refused.getMessage().contains("too long for a Unix socket"), refused.getMessage());
        assertTrue(Files.notExists(deep));
    }
}
