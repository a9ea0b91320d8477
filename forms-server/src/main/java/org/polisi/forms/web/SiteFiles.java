package org.polisi.forms.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Serves the baked sites ({@code site/target/public}): {@code /<school>/<lang>/<page>.html} and
 * {@code /assets/…}. Only regular files inside the site folder are served (no "..", no hidden
 * files, no symbolic links out); text is always labelled UTF-8; pages and their PDFs are revalidated
 * on every visit (so a rebuilt site shows at once), assets are cached for an hour.
 */
final class SiteFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"));
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Path root;

    SiteFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Serves the file; false when there is none (the caller answers 404). */
    boolean serve(Context ctx, String requestPath) {
        Optional<Path> found = resolve(requestPath);
        if (found.isEmpty()) {
            return false;
        }
        Path file = found.get();
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            // one leading slash: "//host" would send the browser to another site (an open redirect)
            String folder = "/" + requestPath.replaceFirst("^[/\\\\]+", "").replaceFirst("/*$", "/");
            Optional<String> home = languageHome(file, RequestLanguage.of(ctx));
            if (!Files.isRegularFile(file.resolve("index.html"), LinkOption.NOFOLLOW_LINKS)) {
                // a school's folder holds a site per language: its home in the reader's language, not a 404
                if (home.isEmpty() || folder.equals("/")) {
                    return false;
                }
                Responses.seeOther(ctx, folder + home.get() + "/");
                return true;
            }
            if (!requestPath.endsWith("/")) {
                Responses.seeOther(ctx, folder);
                return true;
            }
            file = file.resolve("index.html");
        }
        String type = TYPES.get(extension(file));
        if (type == null) {
            return false; // only what a site is made of; nothing else that may lie in the folder
        }
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            ctx.header("Last-Modified", HTTP_DATE.format(modified));
            // A policy's PDF changes with its page: both are revalidated, so neither outlives a rebuild.
            boolean page = type.startsWith("text/html") || type.equals("application/pdf");
            ctx.header("Cache-Control", page ? "no-cache" : "public, max-age=3600");
            if (notModifiedSince(ctx.header("If-Modified-Since"), modified)) {
                ctx.status(304).result("");
                return true;
            }
            InputStream body = Files.newInputStream(file);
            // No Content-Length of our own: Javalin may compress the body, and Jetty refuses a response
            // shorter than the length it was promised.
            ctx.status(200).contentType(type).result(body);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The language folder of a school's folder to send a reader to: the reader's language when the
     * school publishes it, else the first it publishes (English before Welsh, as the toggle orders them).
     */
    private static Optional<String> languageHome(Path folder, String language) {
        List<String> languages = java.util.Arrays.stream(org.polisi.forms.i18n.Language.values())
                .map(org.polisi.forms.i18n.Language::tag)
                .filter(tag -> Files.isRegularFile(folder.resolve(tag).resolve("index.html"), LinkOption.NOFOLLOW_LINKS))
                .toList();
        return languages.contains(language) ? Optional.of(language) : languages.stream().findFirst();
    }

    /** The file a URL path names inside the site folder, if it is one we may serve. */
    Optional<Path> resolve(String requestPath) {
        Path path = root;
        for (String segment : requestPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith(".") || segment.contains("\\") || segment.contains("\0") || segment.contains(":")) {
                return Optional.empty();
            }
            path = path.resolve(segment);
        }
        path = path.normalize();
        if (!path.startsWith(root) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (requestPath.endsWith("/") && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();   // "index.html/" names a folder that does not exist: 404, never the file
        }
        try {
            if (!path.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /** The baked page at a site path, for re-showing a form with errors. */
    Optional<Path> page(String sitePath) {
        return resolve(sitePath).filter(file -> Files.isRegularFile(file) && extension(file).equals("html"));
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        if (header == null) {
            return false;
        }
        try {
            return !modified.isAfter(java.time.ZonedDateTime.parse(header, HTTP_DATE).toInstant());
        } catch (java.time.format.DateTimeParseException ignored) {
            return false;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
