package org.polisi.site.buildserver;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What makes one process's build the same as another's, as one SHA-256 (64 hex digits): a client
 * uses a running build server only when the server's fingerprint, taken when it started, equals the
 * client's, taken now (docs/adr/0079). It covers
 * <ul>
 *   <li>the code: every class-path entry by absolute name, size and modification time (a folder:
 *   each file in it), so a rebuilt jar or a recompiled class is a new fingerprint;</li>
 *   <li>the JVM: {@code java.home}, {@code java.vm.version}, and its options as given (the
 *   launcher's flags and every {@code -D}), except the class-data archive's, which change only
 *   how classes are loaded;</li>
 *   <li>the process: working folder, user, and the environment a build can read (every
 *   {@code POLISI_*} variable but the build server's own, git's, {@code HOME}, {@code PATH},
 *   {@code TZ}, the locale's, and those of the tools a build runs: {@code SOURCE_DATE_EPOCH},
 *   JRuby's, the JVM's, {@code TMPDIR});</li>
 *   <li>what the process holds besides variables ({@link ProcessState}): its umask, which decides
 *   the published files' modes (tester 4's fault 1), its groups, and the time zone, locale and
 *   charsets the JVM resolved.</li>
 * </ul>
 * Everything else a build reads is read from disk again by each build.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** This process's fingerprint. */
    public static String ofThisProcess() {
        return of(jvmOptions(), System.getProperty("java.class.path", ""), System.getenv(), ProcessState.current());
    }

    /**
     * The options this JVM was started with, but the class-data archive's ({@code -XX:SharedArchiveFile},
     * {@code -XX:ArchiveClassesAtExit}, {@code -Xshare}, {@code -Xlog:cds}): a server is started
     * with these, and the fingerprint compares them.
     */
    public static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:SharedArchiveFile=") && !option.startsWith("-XX:ArchiveClassesAtExit=")
                    && !option.startsWith("-Xshare") && !option.startsWith("-Xlog:cds")) {
                options.add(option);
            }
        }
        return options;
    }

    static String of(List<String> jvmOptions, String classPath, Map<String, String> environment, ProcessState state) {
        MessageDigest digest = sha256();
        add(digest, "polisi build server 2");
        add(digest, System.getProperty("java.home"), System.getProperty("java.vm.version"),
                System.getProperty("user.dir"), System.getProperty("user.name"));
        add(digest, "umask", Integer.toString(state.umask()), "groups", state.groups(), "time zone", state.timeZone(),
                "locale", state.locale(), "charsets", state.charsets());
        add(digest, "options", Integer.toString(jvmOptions.size()));
        jvmOptions.forEach(option -> add(digest, option));
        for (String entry : classPath.split(File.pathSeparator)) {
            code(digest, Path.of(entry).toAbsolutePath().normalize());
        }
        new TreeMap<>(environment).forEach((name, value) -> {
            if (readByBuilds(name)) {
                add(digest, name, value);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether a build can read the environment variable {@code name}. */
    static boolean readByBuilds(String name) {
        return (name.startsWith("POLISI_") && !name.startsWith(BuildClient.VARIABLE)) || name.startsWith("GIT_")
                || name.startsWith("LC_") || name.equals("LANG") || name.equals("LANGUAGE") || name.equals("TZ")
                || name.equals("HOME") || name.equals("PATH") || name.equals("XDG_CONFIG_HOME")
                || BUILD_TOOLS_VARIABLES.contains(name);
    }

    /**
     * Variables read by the tools a build runs rather than by Polisi: Asciidoctor's
     * {@code SOURCE_DATE_EPOCH} (the reproducible-builds date behind {@code {localdate}} and
     * {@code {docdate}}), JRuby's and Ruby's ({@code JRUBY_OPTS}, {@code RUBYOPT}, {@code RUBYLIB},
     * {@code GEM_HOME}, {@code GEM_PATH}), the JVM's ({@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS},
     * {@code JDK_JAVA_OPTIONS}) and the temporary folder's ({@code TMPDIR}).
     */
    private static final java.util.Set<String> BUILD_TOOLS_VARIABLES = java.util.Set.of("SOURCE_DATE_EPOCH", "JRUBY_OPTS",
            "RUBYOPT", "RUBYLIB", "GEM_HOME", "GEM_PATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "TMPDIR");

    private static void code(MessageDigest digest, Path entry) {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    file(digest, file);
                }
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                add(digest, entry.toString(), "unreadable");
            }
        } else {
            file(digest, entry);
        }
    }

    private static void file(MessageDigest digest, Path file) {
        try {
            add(digest, file.toString(), Long.toString(Files.size(file)), Files.getLastModifiedTime(file).toString());
        } catch (IOException missing) {
            add(digest, file.toString(), "missing");
        }
    }

    private static void add(MessageDigest digest, String... values) {
        for (String value : values) {
            byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
