package org.polisi.site.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.RenderCache;

/**
 * Issue 20 (left-over): {@code ./polisi serve --port 8123} served the pages on 8123 while their
 * canonical, hreflang, sitemap and robots.txt addresses still named {@code localhost:7070}, the
 * port in the schools' {@code base-url}. A build told where it will be served writes every absolute
 * address there, unless the school's {@code base-url} is a public one, which wins.
 */
class ServedAddressTest {

    private static final String PUBLIC = "https://www.solo.example.sch.uk/policies/";

    @Test
    void everyAbsoluteAddressTheBuildWritesNamesTheServerActuallyRunning(@TempDir Path folder) throws IOException {
        Path content = folder.resolve("content");
        FileTrees.copy(Fixtures.content("good"), content);
        Path solo = content.resolve("schools/solo/school.yml");
        Files.writeString(solo, Files.readString(solo).replace("base-url: http://localhost:7070/solo/", "base-url: " + PUBLIC));
        BuildOptions options = Fixtures.options(content, folder, List.of())
                .withServedAt(URI.create("http://localhost:8123"));
        BuildResult result = new SiteBuild(options, line -> { }).run();
        assertTrue(result.published(), result.errors().toString());
        Path out = options.outputDir();

        String served = "http://localhost:8123/adopter/";
        for (String page : List.of("en/about.html", "cy/about.html", "en/index.html", "cy/policy.html")) {
            Document html = Jsoup.parse(Files.readString(out.resolve("adopter").resolve(page), StandardCharsets.UTF_8));
            assertEquals(served + page, html.selectFirst("link[rel=canonical]").attr("href"), page);
            for (var alternate : html.select("head link[rel=alternate][hreflang]")) {
                assertTrue(alternate.attr("href").startsWith(served), alternate.outerHtml());
            }
        }
        String sitemap = Files.readString(out.resolve("adopter/sitemap.xml"));
        assertTrue(sitemap.contains("<loc>" + served + "en/index.html</loc>"), sitemap);
        assertTrue(Files.readString(out.resolve("robots.txt")).contains("Sitemap: http://localhost:8123/adopter/sitemap.xml"));
        assertTrue(Files.readString(out.resolve("sitemap.xml")).contains("http://localhost:8123/adopter/sitemap.xml"));

        // the school that set a public address keeps it: that is where search engines must look
        Document soloPage = Jsoup.parse(Files.readString(out.resolve("solo/en/policy.html"), StandardCharsets.UTF_8));
        assertEquals(PUBLIC + "en/policy.html", soloPage.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(Files.readString(out.resolve("solo/sitemap.xml")).contains("<loc>" + PUBLIC + "en/index.html</loc>"));

        // and no file anywhere names the port that is not being served
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(html|xml|txt|json|js|css)$")).toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains("localhost:7070")) {
                    stale.add(out.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), stale, "files still naming localhost:7070");
    }

    /** Served on one port, then another, through the build cache: no page keeps the first port. */
    @Test
    void theBuildCacheDoesNotKeepThePortOfAnEarlierServe(@TempDir Path folder) throws IOException {
        RenderCache cache = new RenderCache();
        BuildOptions first = Fixtures.options(Fixtures.content("good"), folder, List.of("adopter"))
                .withServedAt(URI.create("http://localhost:8123"));
        assertTrue(new SiteBuild(first, line -> { }, Optional.of(cache)).run().published());
        BuildOptions second = first.withServedAt(URI.create("http://127.0.0.1:9321"));
        assertTrue(new SiteBuild(second, line -> { }, Optional.of(cache)).run().published());
        Document page = Jsoup.parse(Files.readString(second.outputDir().resolve("adopter/en/about.html"), StandardCharsets.UTF_8));
        assertEquals("http://127.0.0.1:9321/adopter/en/about.html", page.selectFirst("link[rel=canonical]").attr("href"));
        assertFalse(Files.readString(second.outputDir().resolve("adopter/cy/policy.html")).contains("localhost:8123"));
    }
}
