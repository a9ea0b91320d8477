package org.polisi.site.buildserver;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * What a process's build depends on besides its code, options and environment variables, and which
 * a build server would otherwise take from whoever started it rather than from the build's caller
 * (tester 4's fault 1: a server started under {@code umask 077} published every page 0600 for a
 * caller under {@code umask 022}, so nginx answered 403). Part of the {@link Fingerprint}.
 *
 * @param umask    the file-mode creation mask (POSIX {@code umask(2)}), e.g. {@code 0022}, or -1
 *                 where it cannot be read: it decides every mode the build writes, published
 *                 ones included ({@code publish.PublishedModes}, docs/adr/0088)
 * @param groups   the effective group and the supplementary groups (Linux {@code /proc/self/status}
 *                 {@code Gid:} and {@code Groups:}), empty where unknown: the group of every file
 *                 written, and what the build may read
 * @param timeZone the JVM's default time zone as resolved ({@code TZ}, or {@code /etc/localtime})
 * @param locale   the JVM's default locale as resolved ({@code LANG}, {@code LC_*})
 * @param charsets the default, native and file-name charsets ({@code file.encoding},
 *                 {@code native.encoding}, {@code sun.jnu.encoding})
 */
public record ProcessState(int umask, String groups, String timeZone, String locale, String charsets) {

    /** This process's state, read now. */
    public static ProcessState current() {
        String status = procStatus();
        int umask = field(status, "Umask:").map(value -> Integer.parseInt(value.strip(), 8)).orElseGet(ProcessState::probedUmask);
        String groups = field(status, "Gid:").map(String::strip).orElse("") + "/" + field(status, "Groups:").map(String::strip).orElse("");
        return new ProcessState(umask, groups, TimeZone.getDefault().getID(), Locale.getDefault().toLanguageTag(),
                Charset.defaultCharset().name() + "/" + System.getProperty("native.encoding") + "/" + System.getProperty("sun.jnu.encoding"));
    }

    /** The umask as {@code umask} prints it ({@code 0022}), or "unknown". */
    public String umaskText() {
        return umask < 0 ? "unknown" : String.format("%04o", umask);
    }

    private static String procStatus() {
        try {
            return Files.readString(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException notLinux) {
            return "";
        }
    }

    private static java.util.Optional<String> field(String status, String name) {
        return status.lines().filter(line -> line.startsWith(name)).findFirst().map(line -> line.substring(name.length()));
    }

    /** Where {@code /proc} has no {@code Umask:} line (before Linux 4.7, other systems): the mode of a file made for the purpose. */
    private static int probedUmask() {
        try {
            Path probe = Path.of(System.getProperty("java.io.tmpdir"), "polisi-umask-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            try {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(Files.createFile(probe));
                int bits = 0;
                for (PosixFilePermission permission : mode) {
                    bits |= 1 << (8 - permission.ordinal());
                }
                return 0666 & ~bits;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException unknown) {
            return -1;
        }
    }
}
