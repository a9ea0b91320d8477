package org.polisi.site.uptodate;

import org.polisi.site.BuildOptions;
import org.polisi.site.buildserver.ProcessState;
import org.polisi.site.render.RenderKeys;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fingerprint of everything a whole build reads (docs/adr/0062-nothing-changed-builds.md), as
 * 64 hex digits of SHA-256 (FIPS 180-4) over length-prefixed parts:
 * <ul>
 *   <li>the options, every component of {@link BuildOptions} (an option added later is covered
 *       by its {@code toString}): every folder, the schools asked for, {@code --strict},
 *       {@code --release}, {@code --served-at}, and the date the build runs (review dates,
 *       first-published dates);</li>
 *   <li>the {@code polisi.*} system properties that change what a build does (all but
 *       {@code polisi.timings} and {@code polisi.root}) and git's environment variables;</li>
 *   <li>the code: {@link RenderKeys#code()} (Polisi's classes hashed) and every class-path
 *       entry's name and size (a library of another version has another name), and the Java
 *       version;</li>
 *   <li>every file under {@code content/} and the theme: relative name and SHA-256 of its bytes;</li>
 *   <li>the content's git history as far as the build reads it (the page history): the files
 *       {@code HEAD}, the branch it names and {@code packed-refs}, of the repository holding
 *       {@code content/}, read as bytes (a new commit, a checkout or a pack changes one of them).</li>
 * </ul>
 * Equal fingerprints mean a build would read the same things; anything not covered here must not
 * change a build's output, or the check would give a stale answer.
 */
public final class BuildInputs {
    private static final String FORMAT = "polisi-build-inputs/1";
    /** Git's variables that move the repository JGit reads (JGit's {@code readEnvironment}). */
    private static final List<String> GIT_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR",
            "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES");
    /** Properties read only for what a build prints or where it runs, not for what it makes. */
    private static final List<String> NOT_INPUTS = List.of("polisi.timings", "polisi.root");

    private BuildInputs() {
    }

    /**
     * @return the fingerprint of what a build with {@code options} would read now
     * @throws UncheckedIOException when a file under the content or theme cannot be read
     */
    public static String of(BuildOptions options) {
        Digest digest = new Digest();
        environment(options, digest);
        tree(options.contentDir(), digest);
        tree(options.themeDir(), digest);
        gitState(options.contentDir(), digest);
        return digest.hex();
    }

    /**
     * The fingerprint of what every site of a build with {@code options} reads besides the folders
     * of the schools and cluster templates ({@code content/schools/*}, {@code content/clusters/*}):
     * the same options, properties, code and git state as {@link #of}, every other file under
     * {@code content/} (glossary, word lists, {@code welsh-language-sites.txt}) and the theme.
     * Docs/adr/0067-per-school-builds.md.
     *
     * @throws UncheckedIOException when a file cannot be read
     */
    static String shared(BuildOptions options) {
        Digest digest = new Digest();
        environment(options, digest);
        Path schools = options.contentDir().resolve("schools");
        Path clusters = options.contentDir().resolve("clusters");
        digest.add("tree", options.contentDir().getFileName().toString());
        if (Files.isDirectory(options.contentDir())) {
            try (Stream<Path> files = Files.walk(options.contentDir())) {
                for (Path file : files.filter(Files::isRegularFile).sorted()
                        .filter(f -> !inSiteFolder(f, schools) && !inSiteFolder(f, clusters)).toList()) {
                    digest.add(options.contentDir().relativize(file).toString().replace('\\', '/'));
                    digest.add(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        tree(options.themeDir(), digest);
        gitState(options.contentDir(), digest);
        return digest.hex();
    }

    /** Whether {@code file} lies in a folder of {@code parent} (a file directly in {@code parent} does not). */
    private static boolean inSiteFolder(Path file, Path parent) {
        return file.startsWith(parent) && parent.relativize(file).getNameCount() > 1;
    }

    /** The fingerprint of one folder's files: relative name and content of each, in order. */
    static String folder(Path dir) {
        Digest digest = new Digest();
        tree(dir, digest);
        return digest.hex();
    }

    private static void environment(BuildOptions options, Digest digest) {
        digest.add(FORMAT);
        // Every component of the record, so that an option added later is covered without a change here.
        digest.add(options.toString(), options.contentDir().toAbsolutePath().toString(), options.themeDir().toAbsolutePath().toString());
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith("polisi.") && !NOT_INPUTS.contains(name.toString())) {
                properties.put(name.toString(), String.valueOf(value));
            }
        });
        properties.forEach(digest::add);
        GIT_VARIABLES.forEach(name -> digest.add(name, String.valueOf(System.getenv(name))));
        // The umask decides the published files' modes (ADR 0088; tester 4's fault 1), the time zone the day of "today" and of
        // git's dates: a build under another one is not "nothing changed" (ADR 0093).
        ProcessState state = ProcessState.current();
        digest.add("umask", state.umaskText(), "time zone", state.timeZone());
        digest.add(RenderKeys.code(), System.getProperty("java.version"));
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            digest.add(path.getFileName() == null ? entry : path.getFileName().toString(), size(path));
        }
    }

    private static String size(Path path) {
        try {
            return Files.isRegularFile(path) ? Long.toString(Files.size(path)) : "folder";
        } catch (IOException unreadable) {
            return "unreadable";
        }
    }

    private static void tree(Path dir, Digest digest) {
        digest.add("tree", dir.getFileName().toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.add(dir.relativize(file).toString().replace('\\', '/'));
                digest.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refs of the repository holding {@code contentDir} (none outside a repository). */
    private static void gitState(Path contentDir, Digest digest) {
        Path gitDir = null;
        for (Path dir = contentDir.toAbsolutePath(); dir != null && gitDir == null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                gitDir = dotGit;
            } else if (Files.isRegularFile(dotGit)) {      // a linked work tree: "gitdir: <path>"
                String line = read(dotGit).trim();
                gitDir = line.startsWith("gitdir:") ? dir.resolve(line.substring("gitdir:".length()).trim()).normalize() : dotGit;
            }
        }
        digest.add("git", gitDir == null ? "none" : gitDir.toString());
        if (gitDir == null) {
            return;
        }
        Path common = gitDir;
        Path commonDir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDir)) {
            common = gitDir.resolve(read(commonDir).trim()).normalize();
        }
        String head = read(gitDir.resolve("HEAD"));
        digest.add(head);
        if (head.startsWith("ref:")) {
            String ref = head.substring("ref:".length()).trim();
            digest.add(read(gitDir.resolve(ref)), read(common.resolve(ref)));
        }
        digest.add(read(common.resolve("packed-refs")));
    }

    /** The file's text, or a mark when it is absent or unreadable (either is part of the state). */
    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "(absent)";
        } catch (IOException unreadable) {
            return "(unreadable)";
        }
    }

    /** SHA-256 over parts, each preceded by its length, so that no two lists of parts run together. */
    static final class Digest {
        private final MessageDigest sha256;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        void add(String... parts) {
            for (String part : parts) {
                add(part.getBytes(StandardCharsets.UTF_8));
            }
        }

        void add(byte[] part) {
            sha256.update(new byte[] {(byte) (part.length >>> 24), (byte) (part.length >>> 16), (byte) (part.length >>> 8), (byte) part.length});
            sha256.update(part);
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
