package org.polisi.site.check;

import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a school's (or a cluster template's) {@code assets/} folder, the only files an author
 * supplies that reach the site as they are, and only what a policy site needs there: pictures.
 * Tester 5's fault 2: every file was published as it was, so an {@code .html} page, a {@code .js}
 * file or an SVG with a script was served from the origin of the staff pages, where
 * {@code script-src 'self'} lets it run. Deny by default:
 * <ul>
 *   <li>PNG, JPEG, GIF and WebP, when both the file name's extension and the file's first bytes say
 *   so (the signatures of PNG, ISO/IEC 15948 §5.2; JPEG's SOI marker, ITU T.81 B.1.1.2; GIF87a/89a;
 *   WebP's RIFF container), since servers choose the type by extension and send
 *   {@code X-Content-Type-Options: nosniff};</li>
 *   <li>SVG only when {@link SafeSvg} finds it inert (no script, event handler, foreignObject,
 *   animation, or reference to anything outside the file);</li>
 *   <li>anything else (HTML, scripts, style sheets, PDFs, office files, links to other files, a
 *   picture whose content is not what its name says) is an {@code unsafe-asset} error at the file,
 *   saying what to do, and is not copied; the error holds back the school (a template's file, every
 *   school that adopts it), whose last good pages stay online.</li>
 * </ul>
 * Files whose names start with a dot (an editor's or a desktop's: {@code .DS_Store}) are neither
 * published nor reported. See docs/adr/0097.
 */
public final class AuthoredAssets {
    static final String CODE = "unsafe-asset";

    private AuthoredAssets() {
    }

    /**
     * Copies each acceptable file of {@code from} (an {@code assets/} folder, searched to any depth)
     * to the same place under {@code to}, and adds an {@code unsafe-asset} error to {@code problems}
     * for each other one (once per file, however many sites share the folder).
     *
     * @throws IOException when {@code from} cannot be read or {@code to} cannot be written
     */
    public static void copy(Path from, Path to, Problems problems) throws IOException {
        if (Files.isSymbolicLink(from)) {
            refuse(from, "the assets folder is a link to another folder: Polisi publishes only files kept in the school's own"
                    + " folder; replace the link with a real assets/ folder holding the pictures", problems);
            return;
        }
        List<Path> paths;
        try (Stream<Path> walked = Files.walk(from)) {
            paths = walked.toList();
        }
        for (Path path : paths) {
            if (path.equals(from) || hidden(from, path)) {
                continue;
            }
            Optional<String> refusal = refusal(path);
            Path target = to.resolve(from.relativize(path).toString());
            if (refusal.isPresent()) {
                refuse(path, refusal.get(), problems);
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** Why {@code file} may not be published, or empty when it may. */
    static Optional<String> refusal(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
            return Optional.of("is a link to another file: Polisi publishes only files kept in the school's own folder; put the"
                    + " picture itself here");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("is not an ordinary file: remove it from assets/");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Optional<Picture> picture = Picture.byExtension(extension);
        if (picture.isEmpty()) {
            return Optional.of(unwanted(extension));
        }
        if (picture.get() == Picture.SVG) {
            return SafeSvg.refusal(Files.readAllBytes(file)).map(why -> why + ": save the picture as PNG (most drawing programs"
                    + " export it), or remove that part from the SVG");
        }
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (!picture.get().matches(Arrays.copyOf(head, read))) {
            return Optional.of("is named ." + extension + " but is not a " + picture.get().label + " picture inside: export the"
                    + " picture again as " + picture.get().label + ", or give it the extension of what it is");
        }
        return Optional.empty();
    }

    private static String unwanted(String extension) {
        return switch (extension) {
            case "html", "htm", "xhtml", "shtml", "xml", "xsl", "xslt" -> "is a web page or markup, which would be served from the"
                    + " school's own address beside the staff pages: write it as an AsciiDoc page in en/ and cy/ instead";
            case "js", "mjs", "css", "wasm", "map", "json", "swf" -> "is code or styling, which would run on the school's own address"
                    + " beside the staff pages: remove it (the theme styles and scripts every page: themes/default)";
            case "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp" -> "is a document: publish its text"
                    + " as a page (./polisi import converts it), so that it is accessible and has its Welsh version";
            case "emf", "wmf", "tif", "tiff", "bmp", "ico", "heic", "avif" -> "is a picture in a format Polisi does not publish:"
                    + " export it as PNG or JPEG";
            default -> "is not a picture Polisi publishes (assets/ holds PNG, JPEG, GIF, WebP and SVG pictures only): remove it,"
                    + " or export the picture in one of those formats";
        };
    }

    private static boolean hidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(Path file, String why, Problems problems) {
        Problem problem = Problem.error(CODE, file, 0, file.getFileName() + " " + why + " (docs/adr/0097)");
        if (!problems.all().contains(problem)) {
            problems.add(problem);
        }
    }

    /** The picture formats an assets folder may hold, by extension, with their signatures. */
    enum Picture {
        PNG("PNG"), JPEG("JPEG"), GIF("GIF"), WEBP("WebP"), SVG("SVG");

        final String label;

        Picture(String label) {
            this.label = label;
        }

        static Optional<Picture> byExtension(String extension) {
            return Optional.ofNullable(switch (extension) {
                case "png" -> PNG;
                case "jpg", "jpeg" -> JPEG;
                case "gif" -> GIF;
                case "webp" -> WEBP;
                case "svg" -> SVG;
                default -> null;
            });
        }

        boolean matches(byte[] head) {
            return switch (this) {
                case PNG -> startsWith(head, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
                case JPEG -> startsWith(head, 0, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
                case GIF -> startsWith(head, 0, "GIF87a".getBytes()) || startsWith(head, 0, "GIF89a".getBytes());
                case WEBP -> startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WEBP".getBytes());
                case SVG -> true;
            };
        }

        private static boolean startsWith(byte[] head, int at, byte[] signature) {
            if (head.length < at + signature.length) {
                return false;
            }
            for (int i = 0; i < signature.length; i++) {
                if (head[at + i] != signature[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
