package org.polisi.site.check;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.RecordingProgress;
import org.polisi.site.SiteBuild;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.RenderCache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tester 5's fault 1 and its kind: an address a browser would run or fetch from elsewhere is refused
 * in the HTML a page is rendered to, however the source spelt it (an attribute of the page or of
 * school.yml, {@code {empty}}, an entity, a tab), as an {@code unsafe-html} error at the line where
 * the link was written, which holds the school back; a target spelt out in the source is reported
 * once, by {@link RawHtml}. Ordinary links, mail addresses, pages and pictures still build.
 */
class UnsafeUrlsTest {
    /** The tester's lines, as appended to a page (lines 4-15). */
    private static final String TESTERS = "= Links\n:page-kind: page\n\n"
            + ":t5js: javascript:alert(1)\n"                                   // 4
            + ":t5pre: java\n"                                                 // 5
            + "\n"
            + "Target link: link:{t5js}[attr target]\n"                        // 7
            + "\n"
            + "Split link: link:java{empty}script:alert(2)[split target]\n"    // 9
            + "\n"
            + "Split link2: link:{t5pre}script:alert(3)[split prefix]\n"       // 11
            + "\n"
            + "Entity: link:javascript&#58;alert(5)[entity colon]\n"           // 13
            + "\n"
            + "Literal: link:JaVaScRiPt:alert(4)[literal]\n";                  // 15
    private static final String VARIANTS = "= Variants\n:page-kind: page\n\n"
            + ":vb: vbscript:msgbox(1)\n"                                      // 4
            + ":fileurl: file:///etc/passwd\n"                                 // 5
            + ":remote: https://evil.example/p.png\n"                          // 6
            + ":movie: https://evil.example/v.mp4\n"                           // 7
            + ":page: data:text/html;base64,PHNjcmlwdD4=\n"                     // 8
            + "Auto: link:{evil}[]\n"                                          // 9
            + "\n"
            + "image::logo.png[The crest,link={vb}]\n"                         // 11
            + "\n"
            + "Local file: link:{fileurl}[the file]\n"                         // 13
            + "\n"
            + "image::{remote}[A picture]\n"                                    // 15
            + "\n"
            + "video::{movie}[]\n"                                              // 17
            + "\n"
            + "A data page: link:{page}[data page]\n"                          // 19
            + "\n"
            + "Hex: link:javascript&#x3A;alert(7)[hex colon]\n";                    // 21

    private static FixtureTree sites(Path folder) {
        return FixtureTree.in(folder)
                .write("schools/links/school.yml", "name: {en: Links School}\nlanguages: [en]\nattributes:\n"
                        + "  evil: \"javascript:alert(6)\"\n  site: \"https://example.org/\"\n")
                .writeBytes("schools/links/assets/logo.png", AuthoredAssetsTest.PNG)
                .write("schools/links/en/links.adoc", TESTERS)
                .write("schools/links/en/variants.adoc", VARIANTS)
                .write("schools/fine/school.yml", "name: {en: Fine School}\nlanguages: [en]\nattributes:\n"
                        + "  site: \"https://example.org/\"\n  office: \"mailto:office@example.org\"\n")
                .writeBytes("schools/fine/assets/logo.png", AuthoredAssetsTest.PNG)
                .write("schools/fine/en/page.adoc", "= Fine\n:page-kind: page\n\n:local: other.adoc\n\n"
                        + "See link:{site}[the site], link:{office}[the office], link:tel:+442920000000[the phone],"
                        + " xref:{local}[another page], link:other.html#top[its top] and image:logo.png[Logo].\n\n"
                        + "image::logo.png[The crest,link={site}]\n")
                .write("schools/fine/en/other.adoc", "= Other\n:page-kind: page\n\n[[top]]\nText.\n");
    }

    private static List<String> located(BuildResult result) {
        return result.errors().stream().map(p -> p.file().getFileName() + ":" + p.line() + " " + p.code()).toList();
    }

    @Test
    void theTestersLinksAreErrorsAtTheirLinesAndEveryOtherSpellingToo(@TempDir Path folder) {
        FixtureTree tree = sites(folder);
        BuildResult result = tree.build();
        assertEquals(List.of("links.adoc:7 unsafe-html", "links.adoc:9 unsafe-html", "links.adoc:11 unsafe-html",
                "links.adoc:13 unsafe-html", "links.adoc:15 unsafe-html",
                "variants.adoc:9 unsafe-html", "variants.adoc:11 unsafe-html", "variants.adoc:13 unsafe-html",
                "variants.adoc:15 unsafe-html", "variants.adoc:17 unsafe-html", "variants.adoc:19 unsafe-html",
                "variants.adoc:21 unsafe-html"), located(result).stream().sorted(java.util.Comparator
                        .comparing((String s) -> s.substring(0, s.indexOf(':')))
                        .thenComparingInt(s -> Integer.parseInt(s.substring(s.indexOf(':') + 1, s.indexOf(' '))))).toList(),
                result.errors().toString());
        Problem seven = result.errors().stream().filter(p -> p.line() == 7).findFirst().orElseThrow();
        assertTrue(seven.message().contains("<a href=\"javascript:alert(1)\">") && seven.message().contains("however it is spelt"),
                seven.message());
        Problem picture = result.errors().stream().filter(p -> p.line() == 15 && p.file().endsWith("variants.adoc")).findFirst().orElseThrow();
        assertTrue(picture.message().contains("fetches a file from another site"), picture.message());
        Problem literal = result.errors().stream().filter(p -> p.line() == 15 && p.file().endsWith("links.adoc")).findFirst().orElseThrow();
        assertFalse(literal.message().contains("however it is spelt"), "the literal target is RawHtml's, reported once: " + literal);
        assertFalse(Files.exists(tree.published("links/en/links.html")), "the school is held back");
        assertTrue(Files.isRegularFile(tree.published("fine/en/page.html")), "ordinary links build: " + result.errors());
    }

    @Test
    void aCachedCheckReportsTheSameLinesAndTheFineSchoolsLinksAreAsWritten(@TempDir Path folder) throws Exception {
        FixtureTree tree = sites(folder);
        RenderCache cache = RenderCache.at(folder.resolve("cache"));
        BuildResult first = new SiteBuild(tree.options(false), new RecordingProgress(), Optional.of(cache)).run();
        BuildResult second = new SiteBuild(tree.options(false), new RecordingProgress(), Optional.of(cache)).run();
        assertEquals(located(first), located(second), "the checks' results kept in the cache lead to the same lines");
        assertEquals(12, located(second).size(), located(second).toString());
        List<String> hrefs = Jsoup.parse(tree.published("fine/en/page.html").toFile(), "UTF-8").select("main a").eachAttr("href");
        assertTrue(hrefs.containsAll(List.of("https://example.org/", "mailto:office@example.org", "tel:+442920000000", "other.html#top")),
                hrefs.toString());
    }

    @Test
    void anAttributeOfATemplatesSettingsUsedInItsPageHoldsBackEverySchoolThatAdoptsIt(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("clusters/shared/cluster.yml", "name: {en: Shared}\nlanguages: [en]\nattributes:\n"
                        + "  help: \"javascript:alert(8)\"\n")
                .write("clusters/shared/en/rules.adoc", "= Rules\n:page-kind: page\n\nAsk for link:{help}[help].\n")
                .write("schools/adopter/school.yml", "name: {en: Adopter School}\nlanguages: [en]\nadopts: shared\n")
                .write("schools/solo/school.yml", "name: {en: Solo School}\nlanguages: [en]\n")
                .write("schools/solo/en/page.adoc", "= Page\n:page-kind: page\n\nText.\n");
        BuildResult result = tree.build();
        assertTrue(result.errors().stream().allMatch(p -> p.code().equals("unsafe-html") && p.file().endsWith("rules.adoc") && p.line() == 4),
                result.errors().toString());
        assertFalse(result.errors().isEmpty());
        assertFalse(Files.exists(tree.published("adopter/en/rules.html")), "the adopting school is held back");
        assertTrue(Files.isRegularFile(tree.published("solo/en/page.html")), "a school of its own is published");
    }

    @Test
    void anAddressIsReadAsABrowserReadsIt() {
        assertEquals("javascript:alert(1)", UnsafeUrls.browserUrl(" \u0001java\tscript:\nalert(1)\r "));
        assertEquals("https://example.org/a b", UnsafeUrls.browserUrl("https://example.org/a b"));
    }
}
