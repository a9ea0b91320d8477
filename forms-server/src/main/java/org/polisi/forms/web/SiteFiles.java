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
import java.util.List;
import java.util.Optional;
import org.polisi.forms.logging.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the baked sites ({@code site/target/public}): only what a build publishes there, by place
 * and type ({@link PublishedFiles}, docs/adr/0101), each with its Content-Type (and, from
 * {@link SecurityHeaders}, {@code nosniff}); anything else is a 404 with one log line. Only regular
 * files inside the site folder are served (no "..", no hidden files, no symbolic link anywhere
 * below the folder); text is always labelled UTF-8; pages and their PDFs are revalidated on every
 * visit (so a rebuilt site shows at once), assets are cached for an hour.
 */
final class SiteFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SiteFiles.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String INDEX = "index.html";

    private final Path root;

    SiteFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Serves the file; false when there is none to serve (the caller answers 404). */
    boolean serve(Context ctx, String requestPath) {
        Optional<Path> found = resolve(requestPath, true);
        if (found.isEmpty()) {
            return false;
        }
        Path file = found.get();
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            // one leading slash: "//host" would send the browser to another site (an open redirect)
            String folder = "/" + requestPath.replaceFirst("^[/\\\\]+", "").replaceFirst("/*$", "/");
            if (!Files.isRegularFile(file.resolve(INDEX), LinkOption.NOFOLLOW_LINKS)) {
                // a school's folder holds a site per language: its home in the reader's language
                Optional<String> home = languageHome(file, RequestLanguage.of(ctx));
                if (home.isEmpty()) {
                    return false;
                }
                Responses.seeOther(ctx, folder + home.get() + "/");
                return true;
            }
            if (!requestPath.endsWith("/")) {
                Responses.seeOther(ctx, folder);
                return true;
            }
            file = file.resolve(INDEX);
        }
        String type = PublishedFiles.type(segments(file)).orElseThrow();
        try {
            if (!PublishedFiles.contentMatches(file, type)) {
                // a build checks a picture's first bytes before publishing it (site check.AuthoredAssets)
                LOG.info("Refused {} {} with 404: it is named as a picture but is none (docs/adr/0101)",
                        LogText.escape(ctx.method().name()), LogText.escape(requestPath));
                return false;
            }
            Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            ctx.header("Last-Modified", HTTP_DATE.format(modified));
            // A policy's PDF changes with its page: both are revalidated, so neither outlives a rebuild.
            boolean page = type.startsWith("text/html") || type.equals("application/pdf");
            ctx.header("Cache-Control", page ? "no-cache" : "public, max-age=3600");
            if (notModifiedSince(ctx.header("If-Modified-Since"), modified)) {
                ctx.status(304).result("");
                return true;
            }
            InputStream body = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
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
    private Optional<String> languageHome(Path folder, String language) {
        List<String> languages = java.util.Arrays.stream(org.polisi.forms.i18n.Language.values())
                .map(org.polisi.forms.i18n.Language::tag)
                .filter(tag -> Files.isRegularFile(folder.resolve(tag).resolve(INDEX), LinkOption.NOFOLLOW_LINKS)
                        && PublishedFiles.type(segments(folder.resolve(tag).resolve(INDEX))).isPresent())
                .toList();
        return languages.contains(language) ? Optional.of(language) : languages.stream().findFirst();
    }

    /**
     * The file or folder a URL path names inside the site folder, if it is one we may serve: a
     * file a build publishes there ({@link PublishedFiles}), or a folder with such an index page,
     * or a school's folder (whose language homes {@link #serve} leads to). One log line names a
     * file that lies there but is not one a build publishes (when {@code tell}: a request's one line).
     */
    Optional<Path> resolve(String requestPath) {
        return resolve(requestPath, false);
    }

    private Optional<Path> resolve(String requestPath, boolean tell) {
        Path path = root;
        for (String segment : requestPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith(".") || segment.contains("\\") || segment.contains("\0") || segment.contains(":")) {
                return Optional.empty();
            }
            path = path.resolve(segment);
            if (!path.normalize().startsWith(root) || Files.isSymbolicLink(path)) {
                return Optional.empty();   // a link, even to a file inside the folder: a build writes none
            }
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
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            boolean withIndex = Files.isRegularFile(path.resolve(INDEX), LinkOption.NOFOLLOW_LINKS)
                    && PublishedFiles.type(segments(path.resolve(INDEX))).isPresent();
            boolean school = segments(path).size() == 1 && !path.equals(root) && languageHome(path, "en").isPresent();
            return withIndex || school ? Optional.of(path) : Optional.empty();
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || PublishedFiles.type(segments(path)).isEmpty()) {
            if (tell) {
                LOG.info("Refused a request for {} with 404: no build publishes such a file there (docs/adr/0101)",
                        LogText.escape(requestPath));
            }
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /** The baked page at a site path, for re-showing a form with errors. */
    Optional<Path> page(String sitePath) {
        return resolve(sitePath).filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && PublishedFiles.type(segments(file)).filter(type -> type.startsWith("text/html")).isPresent());
    }

    /** A path below the site folder as its names. */
    private List<String> segments(Path file) {
        List<String> names = new java.util.ArrayList<>();
        root.relativize(file).forEach(name -> names.add(name.toString()));
        names.removeIf(String::isEmpty);
        return names;
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
}
