package org.polisi.site.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which resources the PDF renderer may open while it makes a page's PDF: a file inside the built
 * site (the page's own pictures), or a picture written into the page as a {@code data:} address
 * (PNG, JPEG, GIF or WebP, as {@code check.UnsafeUrls} allows on a page). Nothing else: no web
 * address, no {@code file:} address outside the built site, no other scheme.
 *
 * <p>Why: openhtmltopdf opens whatever address an {@code <img>} names, by default over the network.
 * The PDFs are made while the HTML checks run, before the verdict, so a page the build refuses for
 * its remote image (the {@code remote-image} error) still had its image fetched, three times, at
 * every build and every preview save (tester 7's finding 4): a request to the local network or to a
 * tracker from the machine that builds, named by whoever wrote or imported the page. The published
 * pages never load such an image either (the build refuses them), so a PDF loses nothing.
 *
 * <p>Given to openhtmltopdf's {@code useExternalResourceAccessControl}, run after it has resolved
 * each address against the page's, so that {@code ../assets/x.png} is judged as the file it names.
 */
final class PdfResources implements BiPredicate<String, ExternalResourceType> {
    /** The {@code data:} pictures a page may carry (the same four types the build publishes). */
    private static final Set<String> DATA_PICTURES = Set.of("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp");

    private final Path within;

    /**
     * @param within the folder whose files the renderer may open (the build's output of pages), or
     *               {@code null}: no file at all
     */
    PdfResources(Path within) {
        this.within = within == null ? null : within.toAbsolutePath().normalize();
    }

    /**
     * The folder a page's resources may come from when the caller names none: the folder of
     * {@code baseUri} (a {@code file:} address of a page, or of a folder when it ends in {@code /}).
     *
     * @return that folder, or {@code null} when {@code baseUri} is no {@code file:} address
     */
    static Path folderOf(String baseUri) {
        try {
            URI uri = URI.create(baseUri);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                return null;
            }
            Path path = Path.of(uri);
            return baseUri.endsWith("/") ? path : path.getParent();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /**
     * @param uri  the resolved address the renderer is about to open
     * @param type what it wants it for (ignored: the rule is the same for every kind)
     * @return whether it may open it
     */
    @Override
    public boolean test(String uri, ExternalResourceType type) {
        if (uri == null) {
            return false;
        }
        String lower = uri.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int end = lower.indexOf(';');
            int comma = lower.indexOf(',');
            int stop = end < 0 ? comma : comma < 0 ? end : Math.min(end, comma);
            return stop > 0 && DATA_PICTURES.contains(lower.substring(0, stop));
        }
        if (within == null || !lower.startsWith("file:")) {
            return false;
        }
        try {
            Path file = Path.of(URI.create(uri.strip())).toAbsolutePath().normalize();
            if (!file.startsWith(within)) {
                return false;
            }
            // a link inside the folder to a file outside it is judged by where it leads
            return !java.nio.file.Files.exists(file) || file.toRealPath().startsWith(within.toRealPath());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException | java.io.IOException e) {
            return false;
        }
    }
}
