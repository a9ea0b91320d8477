package org.polisi.site.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tester 6's N5: after {@code ./polisi serve --port 7395} (a build of every school at
 * {@code http://localhost:7395}) a plain {@code ./polisi build --school rumney} wrote that school's
 * canonical, hreflang and sitemap addresses for port 7070 while the others kept 7395. A published
 * set must never name two origins (docs/adr/0100). Real builds of the good fixture (two schools
 * whose base-url is on localhost:7070), through the command's own entry.
 */
class PublishedOriginTest {
    private static final Pattern LOCAL_ORIGIN = Pattern.compile("http://localhost:\\d+");

    private record Run(int status, String out, String err) {
    }

    private static Run build(Path root, BuildOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BuildCommand.build(root, options, Optional.empty(), Fixtures.TOOLS,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every local origin the published pages, sitemaps and robots.txt name. */
    private static Set<String> originsNamed(Path out) throws IOException {
        Set<String> origins = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(html|xml|txt)$")).toList()) {
                Matcher origin = LOCAL_ORIGIN.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (origin.find()) {
                    origins.add(origin.group());
                }
            }
        }
        return origins;
    }

    @Test
    void aBuildOfSomeSchoolsAfterAServeWritesTheirAddressesAtTheServedOrigin(@TempDir Path folder) throws IOException {
        BuildOptions every = Fixtures.options(Fixtures.content("good"), folder, List.of()).withStrict(false);
        Run served = build(folder, every.withServedAt(URI.create("http://localhost:7395")));
        assertEquals(0, served.status(), served.err());
        assertEquals(Set.of("http://localhost:7395"), originsNamed(every.outputDir()));

        // the example as the tester ran it: ./polisi build --school adopter, no --served-at
        Run some = build(folder, every.withSchools(List.of("adopter")));
        assertEquals(0, some.status(), some.err());
        assertTrue(some.out().contains("Addresses on this machine are written for http://localhost:7395"), some.out());
        assertEquals(Set.of("http://localhost:7395"), originsNamed(every.outputDir()));
        String canonical = org.jsoup.Jsoup.parse(Files.readString(every.outputDir().resolve("adopter/en/about.html")))
                .selectFirst("link[rel=canonical]").attr("href");
        assertEquals("http://localhost:7395/adopter/en/about.html", canonical);

        // another origin for some schools only would leave two: refused, nothing written
        Run other = build(folder, every.withSchools(List.of("solo")).withServedAt(URI.create("http://localhost:8080")));
        assertEquals(2, other.status(), other.out());
        assertTrue(other.err().contains("--served-at http://localhost:8080 would leave the published schools naming two origins"),
                other.err());
        assertEquals(Set.of("http://localhost:7395"), originsNamed(every.outputDir()));

        // a build of every school without --served-at writes the base-url's own addresses, and some schools follow it
        Run plain = build(folder, every);
        assertEquals(0, plain.status(), plain.err());
        assertFalse(plain.out().contains("Addresses on this machine"), plain.out());
        assertEquals(Set.of("http://localhost:7070"), originsNamed(every.outputDir()));
        assertEquals(0, build(folder, every.withSchools(List.of("solo"))).status());
        assertEquals(Set.of("http://localhost:7070"), originsNamed(every.outputDir()));
        assertFalse(Files.exists(PublishedOrigin.recordOf(every)), "no record for the base-url's own origin");
    }

    @Test
    void aBuildOfSchoolsThatAreTheWholePublishedSetMayChooseItsOrigin(@TempDir Path folder) throws IOException {
        BuildOptions adopter = Fixtures.options(Fixtures.content("good"), folder, List.of("adopter")).withStrict(false);
        Run first = build(folder, adopter.withServedAt(URI.create("http://localhost:7395")));
        assertEquals(0, first.status(), first.err());
        assertEquals(Optional.of(URI.create("http://localhost:7395")), PublishedOrigin.recorded(adopter));
        Run again = build(folder, adopter.withServedAt(URI.create("http://localhost:8080")));
        assertEquals(0, again.status(), again.err());
        assertEquals(Set.of("http://localhost:8080"), originsNamed(adopter.outputDir()));
    }
}
