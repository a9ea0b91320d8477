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

    private static final ProcessState STATE = new ProcessState(0022, "1000/1000", "Europe/London", "en-GB", "UTF-8/UTF-8/UTF-8");

    @Test
    void codeOptionsAndTheVariablesABuildReadsChangeIt() throws IOException {
        Path jar = Files.writeString(folder.resolve("polisi.jar"), "code");
        Path classes = Files.createDirectories(folder.resolve("classes/org"));
        Files.writeString(classes.resolve("A.class"), "a");
        String classPath = jar + ":" + folder.resolve("classes");
        List<String> options = List.of("-Xss4m", "-Dpolisi.root=/x");
        Map<String, String> environment = Map.of("POLISI_AGREED_TEXTS_DIR", "/a", "GIT_DIR", "/g", "TERM", "xterm");
        String base = Fingerprint.of(options, classPath, environment, STATE);
        assertEquals(base, Fingerprint.of(options, classPath, environment, STATE), "the same process, the same fingerprint");

        assertNotEquals(base, Fingerprint.of(List.of("-Xss8m", "-Dpolisi.root=/x"), classPath, environment, STATE), "an option");
        assertNotEquals(base, Fingerprint.of(List.of("-Xss4m", "-Dpolisi.root=/y"), classPath, environment, STATE), "a property");
        assertNotEquals(base, Fingerprint.of(options, classPath, Map.of("POLISI_AGREED_TEXTS_DIR", "/b", "GIT_DIR", "/g"), STATE), "Polisi's variable");
        assertNotEquals(base, Fingerprint.of(options, classPath, Map.of("POLISI_AGREED_TEXTS_DIR", "/a", "GIT_DIR", "/h"), STATE), "git's variable");
        assertEquals(base, Fingerprint.of(options, classPath, Map.of("POLISI_AGREED_TEXTS_DIR", "/a", "GIT_DIR", "/g",
                "TERM", "dumb", BuildServer.IDLE_VARIABLE, "5"), STATE), "the terminal and the server's own settings are not read by builds");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        String touched = Fingerprint.of(options, classPath, environment, STATE);
        assertNotEquals(base, touched, "a jar written again");
        Files.writeString(classes.resolve("B.class"), "b");
        assertNotEquals(touched, Fingerprint.of(options, classPath, environment, STATE), "a class compiled into a folder of the class path");
    }

    /** Tester 4's fault 1 and its kind: what the process holds besides variables, and the variables of the tools a build runs. */
    @Test
    void theUmaskGroupsTimeZoneLocaleCharsetsAndTheToolsVariablesChangeIt() {
        String classPath = folder.resolve("none.jar").toString();
        List<String> options = List.of("-Xss4m");
        Map<String, String> environment = Map.of("PATH", "/usr/bin");
        String base = Fingerprint.of(options, classPath, environment, STATE);
        for (ProcessState other : List.of(
                new ProcessState(0077, STATE.groups(), STATE.timeZone(), STATE.locale(), STATE.charsets()),
                new ProcessState(0002, STATE.groups(), STATE.timeZone(), STATE.locale(), STATE.charsets()),
                new ProcessState(STATE.umask(), "1000/1000 27", STATE.timeZone(), STATE.locale(), STATE.charsets()),
                new ProcessState(STATE.umask(), STATE.groups(), "UTC", STATE.locale(), STATE.charsets()),
                new ProcessState(STATE.umask(), STATE.groups(), STATE.timeZone(), "cy-GB", STATE.charsets()),
                new ProcessState(STATE.umask(), STATE.groups(), STATE.timeZone(), STATE.locale(), "US-ASCII/ANSI_X3.4-1968/ANSI_X3.4-1968"))) {
            assertNotEquals(base, Fingerprint.of(options, classPath, environment, other), other.toString());
        }
        for (String variable : List.of("SOURCE_DATE_EPOCH", "JRUBY_OPTS", "RUBYOPT", "GEM_PATH", "JAVA_TOOL_OPTIONS", "TMPDIR", "LC_ALL", "TZ")) {
            assertNotEquals(base, Fingerprint.of(options, classPath, Map.of("PATH", "/usr/bin", variable, "1"), STATE), variable);
        }
    }

    @Test
    void thisProcesssUmaskIsTheModeItsNewFilesLack() throws IOException {
        ProcessState state = ProcessState.current();
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(Files.createFile(folder.resolve("new")));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.toString(mode),
                java.nio.file.attribute.PosixFilePermissions.toString(modeOf(0666 & ~state.umask())), "umask " + state.umaskText());
        assertEquals(String.format("%04o", state.umask()), state.umaskText());
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> modeOf(int bits) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        for (java.nio.file.attribute.PosixFilePermission permission : java.nio.file.attribute.PosixFilePermission.values()) {
            if ((bits & (1 << (8 - permission.ordinal()))) != 0) {
                mode.add(permission);
            }
        }
        return mode;
    }
}
