package org.polisi.site.check;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strict builds of two broken fixtures, each error planted on a known line: every one is reported
 * at the author's file and line, and a failed strict build publishes nothing.
 * fixtures/broken-link: one English page with a broken link (line 8), an unresolved attribute (10),
 * an unknown block macro (12), a skipped heading level (17) and an unknown form id (21).
 * fixtures/untranslated: a page without its Welsh counterpart, and a Welsh paragraph left in English (line 9).
 */
class HtmlChecksTest {
    private static Fixtures.BakedSite brokenLink;
    private static Fixtures.BakedSite untranslated;

    @BeforeAll
    static void bake() {
        brokenLink = Fixtures.bake(Fixtures.content("broken-link"), List.of());
        untranslated = Fixtures.bake(Fixtures.content("untranslated"), List.of());
    }

    @AfterAll
    static void clean() {
        brokenLink.delete();
        untranslated.delete();
    }

    private static final Path LONELY = Fixtures.content("broken-link").resolve("schools/lonely/en/policy.adoc");
    private static final Path HALF = Fixtures.content("untranslated").resolve("schools/half");

    private static void assertReported(Fixtures.BakedSite site, String code, Path file, int line) {
        List<Problem> errors = site.result().errors();
        assertTrue(errors.stream().anyMatch(p -> p.code().equals(code) && file.equals(p.file()) && p.line() == line),
                "expected " + code + " at " + file + ":" + line + " among\n"
                        + String.join("\n", errors.stream().map(p -> p.describe(Fixtures.projectRoot())).toList()));
    }

    @Test
    void aBrokenLinkIsReportedAtItsLine() {
        assertReported(brokenLink, "broken-link", LONELY, 8);
    }

    @Test
    void anUnresolvedAttributeIsReportedAtItsLine() {
        assertReported(brokenLink, "unresolved-attribute", LONELY, 10);
    }

    @Test
    void anUnknownBlockMacroIsReportedAtItsLine() {
        assertReported(brokenLink, "unknown-macro", LONELY, 12);
    }

    @Test
    void aSkippedHeadingLevelIsReportedAtTheHeading() {
        assertReported(brokenLink, "skipped-heading", LONELY, 17);
    }

    @Test
    void anUnknownFormIdIsReportedAtItsLine() {
        assertReported(brokenLink, "unknown-form", LONELY, 21);
    }

    @Test
    void aPageWithoutItsWelshCounterpartFailsTheBuild() {
        assertReported(untranslated, "missing-translation", HALF.resolve("en/rules.adoc"), 1);
    }

    @Test
    void aWelshParagraphCopiedFromEnglishIsReportedAtItsLine() {
        assertReported(untranslated, "untranslated", HALF.resolve("cy/welcome.adoc"), 9);
    }

    @Test
    void theTranslatedParagraphIsNotReported() {
        assertTrue(untranslated.result().errors().stream()
                .noneMatch(p -> p.code().equals("untranslated") && p.line() == 7), untranslated.result().errors().toString());
    }

    /**
     * The links of every page are checked on every core (docs/adr/0091); what they find is still
     * reported page by page, in page order, each page's links in their order, at every build.
     */
    @Test
    void brokenLinksOnManyPagesAreReportedInPageOrder(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path school = folder.resolve("content/schools/lonely");
        Files.createDirectories(school.resolve("en"));
        Files.copy(LONELY.resolveSibling("../school.yml").normalize(), school.resolve("school.yml"));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            String name = String.format("p%02d", i);
            Files.writeString(school.resolve("en/" + name + ".adoc"), String.join("\n",
                    "= Page " + i, ":page-kind: policy", ":page-order: " + i, "",
                    "Read xref:gone-" + i + "-a.adoc[the first] page.", "",
                    "Then read xref:gone-" + i + "-b.adoc[the second] page.", ""));
            expected.add(name + ".adoc:5");
            expected.add(name + ".adoc:7");
        }
        for (String build : List.of("first", "second")) {
            Fixtures.BakedSite baked = Fixtures.bake(folder.resolve("content"), List.of());
            try {
                List<String> reported = baked.result().errors().stream().filter(p -> p.code().equals("broken-link"))
                        .map(p -> p.file().getFileName() + ":" + p.line()).toList();
                assertEquals(expected, reported, build + " build");
            } finally {
                baked.delete();
            }
        }
    }

    @Test
    void aFailedStrictBuildPublishesNothing() {
        assertFalse(brokenLink.result().published());
        assertFalse(Files.exists(brokenLink.options().outputDir()));
        assertFalse(untranslated.result().published());
        assertFalse(Files.exists(untranslated.options().outputDir()));
    }
}
