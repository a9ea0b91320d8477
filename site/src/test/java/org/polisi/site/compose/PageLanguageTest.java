package org.polisi.site.compose;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a page says around the author's text is in the page's language and true: Asciidoctor's
 * captions and the footnote tooltip come from the theme's bundles; the root index shows titles as
 * converted ({@code {school-name}} resolved); a toggle or {@code hreflang} never leads to a page
 * that does not exist (a notice in both languages says so instead); and without contact details
 * in the settings, pages say "contact the school office" and invent no address.
 */
class PageLanguageTest {
    @TempDir
    static Path folder;
    private static FixtureTree tree;
    private static BuildResult result;

    private static final String BODY = """
            NOTE: Read this first.footnote:[A footnote.]

            WARNING: Take care.

            TIP: A tip.

            .Devices
            |===
            | Device | Allowed
            | Phone | No
            |===

            .An example
            ====
            Text of the example.
            ====
            """;

    @BeforeAll
    static void build() {
        tree = FixtureTree.in(folder)
                .write("schools/words/school.yml", "name: {en: Words School, cy: Ysgol Geiriau}\nlanguages: [en, cy]\n")
                .write("schools/words/en/policy.adoc", "= {school-name} Policy\n:page-kind: policy\n\n" + BODY)
                .write("schools/words/cy/policy.adoc", "= Polisi {school-name}\n:page-kind: policy\n:translation-status: draft\n\n" + BODY)
                .write("schools/words/en/english-only.adoc", "= English only\n:page-kind: page\n\nNot yet in Welsh.\n");
        result = tree.build();
    }

    private static Document page(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void welshPagesGetWelshCaptionsAndFootnoteTooltip() {
        Document welsh = page(tree.staged("words/cy/policy.html"));
        List<String> labels = welsh.select(".admonitionblock td.icon .title").eachText();
        assertEquals(List.of("Nodyn", "Rhybudd", "Awgrym"), labels);
        assertEquals("Tabl 1. Devices", welsh.selectFirst("table caption").text());
        assertEquals("Enghraifft 1. An example", welsh.selectFirst(".exampleblock .title").text());
        assertEquals("Gweld y troednodyn.", welsh.selectFirst("sup.footnote a").attr("title"));
        Document english = page(tree.staged("words/en/policy.html"));
        assertEquals(List.of("Note", "Warning", "Tip"), english.select(".admonitionblock td.icon .title").eachText());
        assertEquals("View footnote.", english.selectFirst("sup.footnote a").attr("title"));
    }

    @Test
    void aPageMissingInWelshHasNoToggleOrHreflangToItAndSaysSoInBothLanguages() {
        Document english = page(tree.staged("words/en/english-only.html"));
        assertNull(english.selectFirst("nav.language-toggle"));
        assertEquals(List.of("en"), english.select("link[rel=alternate]").eachAttr("hreflang"));
        assertTrue(english.select("a[href*=../cy/]").isEmpty());
        Element notice = english.selectFirst(".notice--untranslated");
        assertEquals("This page is not yet available in Welsh.", notice.selectFirst("p[lang=en]").text());
        assertEquals("Nid yw'r dudalen hon ar gael yn Gymraeg eto.", notice.selectFirst("p[lang=cy]").text());
        // Pages that exist in both languages keep their toggle.
        assertEquals("../cy/policy.html", page(tree.staged("words/en/policy.html")).selectFirst("nav.language-toggle a").attr("href"));
    }

    @Test
    void aMissingTranslationIsAnErrorThatHoldsTheSchoolBack() {
        assertTrue(result.errors().stream().anyMatch(p -> p.code().equals("missing-translation")), result.errors().toString());
        assertTrue(result.heldBack().contains("words"));
    }

    @Test
    void withoutContactDetailsPagesSayContactTheSchoolOffice() {
        Document english = page(tree.staged("words/en/policy.html"));
        assertEquals("For anything about these policies, contact the school office.", english.selectFirst("footer p").text());
        String welsh = page(tree.staged("words/cy/policy.html")).select(".notice--draft p").text();
        assertTrue(welsh.contains("rhowch wybod i swyddfa'r ysgol") && welsh.contains("please tell the school office"), welsh);
        assertFalse(welsh.contains("@"));
    }

    @Test
    void theRootIndexListsPagesByTheirConvertedTitles(@TempDir Path other) {
        FixtureTree good = FixtureTree.in(other)
                .write("schools/named/school.yml", "name: {en: Named School}\nlanguages: [en]\ncontact-email: office@named.test\n")
                .write("schools/named/en/policy.adoc", "= {school-name} Online Safety\n:page-kind: policy\n\nText.\n");
        BuildResult built = good.build();
        assertEquals(List.of(), built.errors());
        Document index = page(good.published("index.html"));
        assertEquals(List.of("Named School Online Safety"), index.select(".school-list li li a").eachText());
        assertEquals("Contact the school: office@named.test", page(good.published("named/en/policy.html")).selectFirst("footer p").text());
    }
}
