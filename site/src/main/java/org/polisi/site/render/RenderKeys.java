package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.fork.ResolvedSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The key of everything a page's HTML (and its forms and conversion problems) depends on, for the
 * build cache ({@link RenderCache}); docs/adr/0055-build-cache.md lists the inputs and why:
 * <ul>
 *   <li>the page itself: its composed AsciiDoc (its text with includes expanded, its
 *       attributes, the dates the build put in), the chrome composed around it ({@code PageChrome}),
 *       its school, language, key, output path and page hash (which a form's version names);</li>
 *   <li>the theme's templates and message bundles (every file under {@code templates/} and
 *       {@code i18n/}, names and contents);</li>
 *   <li>its site's form definitions and settings files, the template's and the school's;</li>
 *   <li>the code that converts it ({@link #code()}): Polisi's own classes and resources, hashed,
 *       and the versions of AsciidoctorJ (with the Asciidoctor gem it carries), JRuby, JBake,
 *       Freemarker, jsoup, SnakeYAML and ICU4J.</li>
 * </ul>
 * Two builds that give a page the same key give it the same HTML, forms and problems. A key is the
 * SHA-512/256 (FIPS 180-4) of those inputs (64 hex digits), each input preceded by its length so
 * that no two different sets of inputs run together into the same text. SHA-512/256 has SHA-256's
 * strength and runs about 1.7 times faster in the JDK's Java code, which is what a build with the
 * launcher's C1-only JIT runs (docs/adr/0091).
 */
public final class RenderKeys {
    /** Classes whose code the HTML depends on: each names its library (a jar or, in a build tree, a folder). */
    private static final List<String> CODE = List.of(
            "org.polisi.site.render.RenderKeys", "org.polisi.contract.FieldType",
            "org.asciidoctor.Asciidoctor", "org.asciidoctor.jruby.AsciidoctorJRuby", "org.jruby.Ruby",
            "org.jbake.app.Renderer", "freemarker.template.Configuration", "org.jsoup.Jsoup",
            "org.yaml.snakeyaml.Yaml", "com.ibm.icu.text.MessageFormat");
    private static volatile String code;

    private final String theme;
    private final Map<String, String> bySite = new HashMap<>();

    /**
     * @param themeDir the theme (its {@code templates/} and {@code i18n/} are read)
     * @param sites    the sites whose pages will be keyed (their forms folders and settings files are read)
     * @throws UncheckedIOException when one of those files cannot be read
     */
    public RenderKeys(Path themeDir, List<ResolvedSite> sites) {
        this.theme = digest(List.of(themeDir.resolve("templates"), themeDir.resolve("i18n")));
        for (ResolvedSite site : sites) {
            List<Path> inputs = new ArrayList<>();
            site.template().ifPresent(t -> {
                inputs.add(t.formsDir());
                inputs.add(t.settings().file());
            });
            inputs.add(site.source().formsDir());
            inputs.add(site.source().settings().file());
            bySite.put(site.id(), digest(inputs));
        }
    }

    /** The page's key: 64 hex digits, equal for equal inputs. */
    public String of(StagedPage page) {
        List<String> parts = new ArrayList<>(List.of(code(), theme, bySite.getOrDefault(page.site(), ""), page.site(),
                page.language(), page.key(), page.outputPath(), page.pageHash(), page.asciidoc()));
        parts.addAll(TemplateValues.parts(page.chrome()));
        return digestOf(parts.toArray(String[]::new));
    }

    /**
     * A hash of the code pages are converted with, computed once per process: for a released
     * library (a jar whose name carries its version) its file name and size; for Polisi's own
     * code (a SNAPSHOT jar, or a folder of classes in a build tree) every byte of it.
     */
    public static String code() {
        if (code == null) {
            List<String> parts = new ArrayList<>();
            for (String name : CODE) {
                parts.add(name);
                parts.add(library(name));
            }
            code = digestOf(parts.toArray(String[]::new));
        }
        return code;
    }

    private static String library(String className) {
        try {
            CodeSource source = Class.forName(className, false, RenderKeys.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            Path location = Path.of(source.getLocation().toURI());
            String name = location.getFileName().toString();
            if (Files.isDirectory(location) || name.contains("SNAPSHOT")) {
                return name + ":" + digest(List.of(location));
            }
            return name + ":" + Files.size(location);
        } catch (ClassNotFoundException | URISyntaxException | IOException | RuntimeException e) {
            return "unknown:" + className;     // never a reason to fail a build; the key still covers the rest
        }
    }

    /** A hash of the names (relative to each path given) and contents of the files given and of every file under the folders given. */
    static String digest(List<Path> paths) {
        List<String> parts = new ArrayList<>();
        for (Path path : paths) {
            if (path == null || !Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    parts.add(path.getFileName() + "/" + path.relativize(file));
                    parts.add(HexFormat.of().formatHex(digestOf(Files.readAllBytes(file))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return digestOf(parts.toArray(String[]::new));
    }

    /** SHA-512/256 of {@code parts}, each preceded by its length, as 64 hex digits: how every cache key here is made. */
    public static String hash(String... parts) {
        return digestOf(parts);
    }

    private static String digestOf(String... parts) {
        MessageDigest digest = newDigest();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(HexFormat.of().formatHex(new byte[] {
                    (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length})
                    .getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] digestOf(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    private static MessageDigest newDigest() {
        return Sealed.digest();
    }
}
