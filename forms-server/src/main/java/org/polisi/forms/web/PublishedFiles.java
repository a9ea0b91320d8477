package org.polisi.forms.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.polisi.forms.i18n.Language;

/**
 * What a build publishes in the site folder, by place and type (docs/adr/0101), and so all that
 * {@link SiteFiles} serves from it. Tester 7: the server served any file of a served type from any
 * place in the folder, so an {@code .html} page or a script put in a school's {@code assets/} by
 * hand, or left there by an older build (a school a build keeps is carried over as it was), was
 * served from the origin of the staff pages, where {@code script-src 'self'} lets a script run.
 * What {@code ./polisi build} writes, and nothing else:
 * <ul>
 *   <li>the root's {@code index.html}, {@code 404.html}, {@code favicon.ico}, {@code robots.txt} and
 *   {@code sitemap.xml};</li>
 *   <li>the theme's files in {@code /assets/} (style sheet, script, fonts, icons, pictures), each
 *   named {@code name.ext}, one level deep;</li>
 *   <li>a school's {@code /<school>/sitemap.xml};</li>
 *   <li>a school's pages and their PDFs, {@code /<school>/<en|cy>/<page>.html} and {@code .pdf};</li>
 *   <li>a school's pictures, {@code /<school>/assets/**}: PNG, JPEG, GIF and WebP whose first bytes
 *   say so too (as the build's check does: site {@code check.AuthoredAssets}), and SVG, which
 *   {@link SecurityHeaders} serves in a sandbox.</li>
 * </ul>
 * The types are matched on the file name's own extension, in lower case for what the build names
 * itself (pages, PDFs, sitemaps, the theme's files), in any case for an author's pictures (the build
 * keeps their names as typed).
 */
final class PublishedFiles {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String PDF = "application/pdf";
    private static final String XML = "application/xml; charset=utf-8";
    private static final String ICON = "image/x-icon";
    private static final String SVG = "image/svg+xml; charset=utf-8";

    /** The root's files, by name. */
    private static final Map<String, String> ROOT = Map.of(
            "index.html", HTML,
            "404.html", HTML,
            "favicon.ico", ICON,
            "robots.txt", "text/plain; charset=utf-8",
            "sitemap.xml", XML);

    /** An author's pictures (site check.AuthoredAssets.Picture), by lower-case extension. */
    private static final Map<String, String> PICTURES = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            "svg", SVG);

    /** The theme's files ({@code themes/default/assets}), by extension: the pictures and these. */
    private static final Map<String, String> THEME = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "woff2", "font/woff2",
            "woff", "font/woff",
            "ico", ICON);

    /** A name the build gives: a school id, a page key (with its {@code .changes-<hash>} or {@code .version-<hash>}). */
    private static final Pattern BUILT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.(changes|version)-[0-9a-f]+)?");
    /** A theme file's name: one extension, no other dot. */
    private static final Pattern THEME_NAME = Pattern.compile("[A-Za-z0-9_-]+\\.[a-z0-9]+");
    private static final Set<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::tag)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final String ASSETS = "assets";

    private PublishedFiles() {
    }

    /**
     * The Content-Type to serve a file with, when a build publishes a file of its name at its place.
     *
     * @param segments the file's path below the site folder, one name a segment (none empty, no "." or "..")
     * @return the type, or empty when no build writes such a file there (the server answers 404)
     */
    static Optional<String> type(List<String> segments) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String name = segments.get(segments.size() - 1);
        int depth = segments.size();
        if (depth == 1) {
            return Optional.ofNullable(ROOT.get(name));
        }
        String top = segments.get(0);
        if (top.equals(ASSETS)) {
            if (depth != 2 || !THEME_NAME.matcher(name).matches()) {
                return Optional.empty();
            }
            String extension = extension(name);
            return Optional.ofNullable(THEME.getOrDefault(extension, PICTURES.get(extension)));
        }
        if (!BUILT_NAME.matcher(top).matches()) {
            return Optional.empty();
        }
        if (depth == 2) {
            return name.equals("sitemap.xml") ? Optional.of(XML) : Optional.empty();
        }
        String second = segments.get(1);
        if (second.equals(ASSETS)) {
            return Optional.ofNullable(PICTURES.get(extension(name).toLowerCase(Locale.ROOT)));
        }
        if (depth != 3 || !LANGUAGES.contains(second)) {
            return Optional.empty();
        }
        String extension = extension(name);
        String base = name.substring(0, Math.max(0, name.length() - extension.length() - 1));
        if (!BUILT_NAME.matcher(base).matches()) {
            return Optional.empty();
        }
        return switch (extension) {
            case "html" -> Optional.of(HTML);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }

    /**
     * Whether a picture's first bytes are what its type says (PNG, ISO/IEC 15948 §5.2; JPEG's SOI
     * marker, ITU T.81 B.1.1.2; GIF87a or GIF89a; WebP's RIFF container; an icon's ICONDIR header):
     * a file named {@code .png} that holds a page is no picture of ours. Other types always match.
     *
     * @throws IOException when the file cannot be read
     */
    static boolean contentMatches(Path file, String type) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            head = in.readNBytes(12);
        }
        return switch (type) {
            case "image/png" -> startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> startsWith(head, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a');
            case "image/webp" -> startsWith(head, 'R', 'I', 'F', 'F') && head.length == 12
                    && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
            case ICON -> startsWith(head, 0, 0, 1, 0);
            default -> true;
        };
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
