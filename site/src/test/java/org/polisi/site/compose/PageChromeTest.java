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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chrome around a page's body (breadcrumbs, notices, policy details, contents, appendices, the
 * way back) reaches the theme as records whose text the composer escaped and resolved
 * (docs/adr/0064): an attribute reference in a title, a setting or a contact line is shown
 * resolved, and a {@code &} or {@code <} in it is shown as written, escaped once, in English and
 * in Welsh.
 */
class PageChromeTest {
    @TempDir
    static Path folder;
    private static FixtureTree tree;
    private static BuildResult result;

    @BeforeAll
    static void build() {
        tree = FixtureTree.in(folder)
                .write("schools/chrome/school.yml", """
                        name: {en: Smith & Jones School, cy: Ysgol Smith & Jones}
                        languages: [en, cy]
                        contact-address: {en: "{office}, Mill Lane", cy: "{office}, Lôn y Felin"}
                        policy:
                          approved-by: {en: "the governors of {school-name}", cy: "llywodraethwyr {school-name}"}
                          approved-on: 2024-01-15
                          review-due: 2020-01-31
                        attributes:
                          office: {en: "Office <Block A>", cy: "Swyddfa <Bloc A>"}
                        """)
                .write("schools/chrome/en/policy.adoc", """
                        = {school-name} Safeguarding Policy
                        :page-kind: policy

                        [[aims]]
                        == Aims at {school-name}

                        We keep every pupil safe.

                        [[office]]
                        == The {office}

                        Visitors sign in at the office.

                        [[roles]]
                        == Roles & duties

                        Everyone has a part to play.
                        """)
                .write("schools/chrome/cy/policy.adoc", """
                        = Polisi Diogelu {school-name}
                        :page-kind: policy
                        :translation-status: draft

                        [[aims]]
                        == Nodau {school-name}

                        Rydym yn cadw pob disgybl yn ddiogel.

                        [[office]]
                        == Y {office}

                        Mae ymwelwyr yn llofnodi yn y swyddfa.

                        [[roles]]
                        == Rolau & dyletswyddau

                        Mae gan bawb ran i'w chwarae.
                        """)
                .write("schools/chrome/en/visitors.adoc", """
                        = Visitors to the {office}
                        :page-kind: appendix
                        :page-parent: policy
                        :appendix-label: A

                        Visitors sign in at the office.
                        """)
                .write("schools/chrome/cy/visitors.adoc", """
                        = Ymwelwyr â'r {office}
                        :page-kind: appendix
                        :page-parent: policy
                        :appendix-label: A
                        :translation-status: draft

                        Mae ymwelwyr yn llofnodi yn y swyddfa.
                        """)
                .write("schools/chrome/en/english-only.adoc", """
                        = Lettings at {school-name}
                        :page-kind: policy

                        The hall can be hired in the evenings.
                        """);
        result = tree.build();
    }

    private static Document page(String path) {
        try {
            return Jsoup.parse(tree.staged(path).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theChromeHasNoUnresolvedReferenceAndNothingEscapedTwice() {
        assertEquals(List.of(), result.problems().stream().filter(p -> p.code().equals("unresolved-attribute")
                || p.code().equals("asciidoc")).map(p -> p.describe(folder)).toList());
        for (String path : List.of("chrome/en/policy.html", "chrome/cy/policy.html", "chrome/en/visitors.html",
                "chrome/cy/visitors.html", "chrome/en/english-only.html", "chrome/en/index.html", "chrome/cy/index.html")) {
            Document page = page(path);
            String chrome = page.select("nav.breadcrumbs, .notice, .caption, .policy-details, nav.contents, nav.appendices, "
                    + ".back-link").text();
            assertFalse(chrome.isBlank(), path);
            assertFalse(chrome.contains("{"), path + ": " + chrome);
            assertFalse(chrome.contains("&amp;") || chrome.contains("&lt;"), path + ": " + chrome);
        }
    }

    @Test
    void anAppendixBreadcrumbNamesItsPolicyResolvedInBothLanguages() {
        assertEquals(List.of("School policies", "Smith & Jones School", "Smith & Jones School Safeguarding Policy",
                "Visitors to the Office <Block A>"), page("chrome/en/visitors.html").select("nav.breadcrumbs li").eachText());
        assertEquals(List.of("Polisïau ysgolion", "Ysgol Smith & Jones", "Polisi Diogelu Ysgol Smith & Jones",
                "Ymwelwyr â\u2019r Swyddfa <Bloc A>"), page("chrome/cy/visitors.html").select("nav.breadcrumbs li").eachText());
        assertEquals(List.of("../../index.html", "index.html", "policy.html"),
                page("chrome/cy/visitors.html").select("nav.breadcrumbs a").eachAttr("href"));
    }

    @Test
    void theWayBackAndTheListOfAppendicesAreResolved() {
        Element back = page("chrome/en/visitors.html").selectFirst(".back-link a");
        assertEquals("Back to Smith & Jones School Safeguarding Policy", back.text());
        assertEquals("policy.html", back.attr("href"));
        assertEquals("Yn ôl i'r polisi: Polisi Diogelu Ysgol Smith & Jones", page("chrome/cy/visitors.html")
                .selectFirst(".back-link a").text());
        assertEquals(List.of("Appendix A: Visitors to the Office <Block A>"),
                page("chrome/en/policy.html").select("nav.appendices a").eachText());
        assertEquals(List.of("Atodiad A: Ymwelwyr â'r Swyddfa <Bloc A>"),
                page("chrome/cy/policy.html").select("nav.appendices a").eachText());
        assertEquals("Appendix A", page("chrome/en/visitors.html").selectFirst(".caption").text());
    }

    @Test
    void theContentsListTheSectionsTitlesResolved() {
        assertEquals(List.of("Aims at Smith & Jones School", "The Office <Block A>", "Roles & duties"),
                page("chrome/en/policy.html").select("nav.contents a").eachText());
        assertEquals(List.of("Nodau Ysgol Smith & Jones", "Y Swyddfa <Bloc A>", "Rolau & dyletswyddau"),
                page("chrome/cy/policy.html").select("nav.contents a").eachText());
        assertEquals(List.of("#aims", "#office", "#roles"), page("chrome/cy/policy.html").select("nav.contents a").eachAttr("href"));
    }

    /** Each paragraph names the values of its own language: the English half gives the address in English. */
    @Test
    void theDraftNoticeGivesTheContactResolvedInWelshAndInEnglish() {
        Element notice = page("chrome/cy/policy.html").selectFirst(".notice--draft");
        assertNotNull(notice);
        assertEquals(List.of("cy", "en"), notice.select("p").eachAttr("lang"));
        assertEquals("Cyfieithiad Cymraeg yn aros am adolygiad", notice.selectFirst("p[lang=cy] strong").text());
        assertTrue(notice.selectFirst("p[lang=cy]").text().endsWith("rhowch wybod i'r ysgol: Swyddfa <Bloc A>, Lôn y Felin."),
                notice.text());
        assertTrue(notice.selectFirst("p[lang=en]").text().endsWith("please tell the school: Office <Block A>, Mill Lane."),
                notice.text());
    }

    @Test
    void thePolicyDetailsNameTheApproverResolvedAndWarnThatTheReviewIsOverdue() {
        Element details = page("chrome/en/policy.html").selectFirst(".policy-details");
        assertTrue(details.select("li").eachText().contains("Approved by the governors of Smith & Jones School on 15 January 2024."),
                details.text());
        assertTrue(details.selectFirst(".notice--warning").text().startsWith("This policy was due for review by"), details.text());
        Element welsh = page("chrome/cy/policy.html").selectFirst(".policy-details");
        assertTrue(welsh.text().contains("llywodraethwyr Ysgol Smith & Jones"), welsh.text());
    }

    @Test
    void theFooterGivesTheContactAddressResolved() {
        assertTrue(page("chrome/en/english-only.html").selectFirst("footer").text().contains("Office <Block A>, Mill Lane"));
        assertTrue(page("chrome/cy/policy.html").selectFirst("footer").text().contains("Swyddfa <Bloc A>, Lôn y Felin"));
    }

    @Test
    void aPageMissingInWelshSaysSoInBothLanguagesAndTheSchoolIndexLeadsHome() {
        Element notice = page("chrome/en/english-only.html").selectFirst(".notice--untranslated");
        assertEquals(List.of("en", "cy"), notice.select("p").eachAttr("lang"));
        assertEquals(List.of("This page is not yet available in Welsh.", "Nid yw'r dudalen hon ar gael yn Gymraeg eto."),
                notice.select("p").eachText());
        assertEquals(List.of("Polisïau ysgolion", "Ysgol Smith & Jones"), page("chrome/cy/index.html").select("nav.breadcrumbs li").eachText());
    }
}
