package org.polisi.site.buildserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What a fingerprint covers: a changed jar or class, option, or build-read variable makes another; the rest does not. */
class FingerprintTest {
    @TempDir
    Path folder;

    @Test
    void codeOptionsAndTheVariablesABuildReadsChangeIt() throws IOException {
        Path jar = Files.writeString(folder.resolve("polisi.jar"), "code");
        Path classes = Files.createDirectories(folder.resolve("classes/org"));
        Files.writeString(classes.resolve("A.class"), "a");
        String classPath = jar + ":" + folder.resolve("classes");
        List<String> options = List.of("-Xss4m", "-Dpolisi.root=/x");
        Map<String, String> environment = Map.of("POLISI_AGREED_TEXTS_DIR", "/a", "GIT_DIR", "/g", "TERM", "xterm");
        String base = Fingerprint.of(options, classPath, environment);
        assertEquals(base, Fingerprint.of(options, classPath, environment), "the same process, the same fingerprint");

        assertNotEquals(base, Fingerprint.of(List.of("-Xss8m", "-Dpolisi.root=/x"), classPath, environment), "an option");
        assertNotEquals(base, Fingerprint.of(List.of("-Xss4m", "-Dpolisi.root=/y"), classPath, environment), "a property");
        assertNotEquals(base, Fingerprint.of(options, classPath, Map.of("POLISI_AGREED_TEXTS_DIR", "/b", "GIT_DIR", "/g")), "Polisi's variable");
        assertNotEquals(base, Fingerprint.of(options, classPath, Map.of("POLISI_AGREED_TEXTS_DIR", "/a", "GIT_DIR", "/h")), "git's variable");
        assertEquals(base, Fingerprint.of(options, classPath, Map.of("POLISI_AGREED_TEXTS_DIR", "/a", "GIT_DIR", "/g",
                "TERM", "dumb", BuildServer.IDLE_VARIABLE, "5")), "the terminal and the server's own settings are not read by builds");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        String touched = Fingerprint.of(options, classPath, environment);
        assertNotEquals(base, touched, "a jar written again");
        Files.writeString(classes.resolve("B.class"), "b");
        assertNotEquals(touched, Fingerprint.of(options, classPath, environment), "a class compiled into a folder of the class path");
    }
}
