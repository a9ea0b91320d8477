package org.polisi.site.cli;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one origin a published set names for its schools' addresses on this machine (canonical,
 * hreflang, sitemap: {@link org.polisi.site.content.BaseUrls}). Tester 6's N5: after
 * {@code ./polisi serve --port 7395} a plain {@code ./polisi build --school rumney} wrote rumney's
 * addresses for port 7070 while the other schools kept 7395. The origin a build that publishes
 * every school used is recorded beside the output ({@code <output>.origin}, e.g.
 * {@code site/target/public.origin}); a build of some schools writes theirs at that same origin,
 * and refuses another one while other schools are published, so that the set never names two
 * origins (docs/adr/0100).
 */
public final class PublishedOrigin {
    private PublishedOrigin() {
    }

    /** A build of some schools asked for an origin other than the one the rest of the published set names. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Where the origin of the published set at {@code options.outputDir()} is recorded. */
    static Path recordOf(BuildOptions options) {
        Path output = options.outputDir().toAbsolutePath().normalize();
        return output.resolveSibling(output.getFileName() + ".origin");
    }

    /** The recorded origin, if a build of every school recorded one (an unreadable record counts as none). */
    static Optional<URI> recorded(BuildOptions options) {
        Path record = recordOf(options);
        try {
            String text = Files.isRegularFile(record) ? Files.readString(record, StandardCharsets.UTF_8).strip() : "";
            URI origin = text.isEmpty() ? null : new URI(text);
            return origin != null && origin.getScheme() != null && origin.getHost() != null ? Optional.of(origin) : Optional.empty();
        } catch (IOException | java.net.URISyntaxException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The options a build should run with: a build of every school, or of schools that are the whole
     * published set, as asked; a build of some schools, at the recorded origin (saying so on
     * {@code out}), which an explicit different {@code servedAt} may not change.
     *
     * @throws Refused when some schools are asked for at an origin other than the rest of the published set's
     */
    public static BuildOptions resolve(BuildOptions options, PrintStream out) {
        Optional<URI> recorded = recorded(options);
        Optional<URI> asked = Optional.ofNullable(options.servedAt());
        if (options.schools().isEmpty() || othersPublished(options).isEmpty()) {
            asked.ifPresent(origin -> out.println("Addresses on this machine are written for " + origin
                    + " (--served-at), for every published school"));
            return options;
        }
        if (asked.isPresent() && !asked.equals(recorded)) {
            throw new Refused("--served-at " + asked.get() + " would leave the published schools naming two origins: "
                    + String.join(", ", othersPublished(options)) + " name " + recorded.map(URI::toString)
                    .orElse("the addresses of their base-url") + ". Build every school at the new origin (./polisi build"
                    + " --served-at " + asked.get() + ", or ./polisi serve), or leave --served-at out");
        }
        if (recorded.isPresent() && asked.isEmpty()) {
            out.println("Addresses on this machine are written for " + recorded.get() + ", as for the other published schools"
                    + " (recorded in " + recordOf(options) + " by the last build of every school; build every school to change it)");
            return options.withServedAt(recorded.get());
        }
        return options;
    }

    /**
     * Records the origin {@code options} were built at once {@code result} published every school
     * (or schools that are the whole published set); nothing for a build of some schools, which
     * used the recorded one, or a build that published nothing.
     *
     * @throws UncheckedIOException when the record cannot be written
     */
    static void record(BuildOptions options, BuildResult result) {
        if (result.publishedSites().isEmpty()) {
            return;
        }
        if (!options.schools().isEmpty() && !othersPublished(options).isEmpty()) {
            return;
        }
        Path record = recordOf(options);
        try {
            if (options.servedAt() == null) {
                Files.deleteIfExists(record);
            } else if (!Objects.equals(recorded(options), Optional.of(options.servedAt()))) {
                Path partial = record.resolveSibling(record.getFileName() + ".part");
                Files.writeString(partial, options.servedAt() + "\n", StandardCharsets.UTF_8);
                Files.move(partial, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the published origin in " + record, e);
        }
    }

    /** The schools published in the output that this build was not asked for and whose pages name addresses (a folder with a sitemap.xml; a template preview has none). */
    private static Set<String> othersPublished(BuildOptions options) {
        Set<String> others = new java.util.TreeSet<>();
        if (!Files.isDirectory(options.outputDir())) {
            return others;
        }
        Set<String> asked = new HashSet<>(options.schools());
        try (Stream<Path> entries = Files.list(options.outputDir())) {
            entries.filter(entry -> Files.isRegularFile(entry.resolve("sitemap.xml")))
                    .map(entry -> entry.getFileName().toString()).filter(id -> !asked.contains(id)).forEach(others::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + options.outputDir(), e);
        }
        return others;
    }
}
