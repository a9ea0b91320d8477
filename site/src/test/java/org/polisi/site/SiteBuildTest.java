package org.polisi.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bakes the good fixture once, strictly, and reads the pages it generates: what the compose stage
 * decides and the theme prints (language toggle, breadcrumbs, contents, notices, dates), and what
 * our AsciiDoc extensions make of {@code {school-name}}, {@code tick:[]} and {@code policy:}.
 */
class SiteBuildTest {
    private static Fixtures.BakedSite site;

    @BeforeAll
    static void bake() {
        site = Fixtures.bake(Fixtures.content("good"), List.of());
    }

    @AfterAll
    static void clean() {
        site.delete();
    }

    private static Document page(String path) {
        return site.page(path);
    }

    /** The file a link on {@code page} leads to. */
    private static Path target(String page, String href) {
        return site.file(page).resolveSibling(href.replaceFirst("#.*", "")).normalize();
    }

    @Test
    void theGoodFixtureBuildsStrictlyWithoutErrorsAndIsPublished() {
        assertEquals(List.of(), site.result().errors().stream().map(p -> p.describe(Fixtures.projectRoot())).toList());
        assertTrue(site.result().published());
        assertTrue(Files.isRegularFile(site.options().outputDir().resolve("adopter/cy/policy.html")));
    }

    @Test
    void everySchoolPageIsGeneratedInEachOfItsLanguages() {
        for (String path : List.of("adopter/en/policy.html", "adopter/cy/policy.html", "adopter/en/appendix-a-agreement.html",
                "adopter/cy/appendix-a-agreement.html", "adopter/en/about.html", "adopter/cy/about.html",
                "adopter/en/index.html", "adopter/cy/index.html", "solo/en/policy.html", "solo/en/index.html",
                "demo-template/cy/policy.html", "index.html", "404.html")) {
            assertTrue(Files.isRegularFile(site.file(path)), path);
        }
        assertFalse(Files.exists(site.file("solo/cy")));
    }

    @Test
    void theHtmlElementCarriesThePagesLanguage() {
        assertEquals("en", page("adopter/en/policy.html").selectFirst("html").attr("lang"));
        assertEquals("cy", page("adopter/cy/policy.html").selectFirst("html").attr("lang"));
        assertEquals("en", page("solo/en/policy.html").selectFirst("html").attr("lang"));
    }

    @Test
    void theLanguageToggleLinksToTheSamePageInTheOtherLanguage() {
        Document welsh = page("adopter/cy/policy.html");
        Element toggle = welsh.selectFirst("nav.language-toggle");
        assertNotNull(toggle);
        assertEquals("Iaith", toggle.attr("aria-label"));
        Element english = toggle.selectFirst("a");
        assertEquals("English", english.text());
        assertEquals("en", english.attr("lang"));
        assertEquals("en", english.attr("hreflang"));
        assertEquals("alternate", english.attr("rel"));
        assertEquals("../en/policy.html", english.attr("href"));
        assertTrue(Files.isRegularFile(target("adopter/cy/policy.html", english.attr("href"))));
        Element current = toggle.selectFirst("[aria-current]");
        assertEquals("Cymraeg", current.text());
        assertEquals("cy", current.attr("lang"));
        assertEquals(1, toggle.select("a").size());

        Element welshLink = page("adopter/en/appendix-a-agreement.html").selectFirst("nav.language-toggle a");
        assertEquals("Language", page("adopter/en/appendix-a-agreement.html").selectFirst("nav.language-toggle").attr("aria-label"));
        assertEquals("Cymraeg", welshLink.text());
        assertEquals("cy", welshLink.attr("lang"));
        assertEquals("cy", welshLink.attr("hreflang"));
        assertTrue(Files.isRegularFile(target("adopter/en/appendix-a-agreement.html", welshLink.attr("href"))));
    }

    @Test
    void aMonolingualSchoolHasNoLanguageToggle() {
        assertNull(page("solo/en/policy.html").selectFirst("nav.language-toggle"));
    }

    /** Search engines need absolute alternates and canonical addresses: under the school's base-url (issue 20). */
    @Test
    void theHeadNamesEveryLanguageVersionOfThePage() {
        String base = "http://localhost:7070/adopter/";
        for (String path : List.of("adopter/en/about.html", "adopter/cy/about.html")) {
            List<Element> alternates = page(path).select("head link[rel=alternate][hreflang]");
            assertEquals(List.of("en", "cy"), alternates.stream().map(l -> l.attr("hreflang")).toList(), path);
            assertEquals(List.of(base + "en/about.html", base + "cy/about.html"), alternates.stream().map(l -> l.attr("href")).toList(), path);
            alternates.forEach(l -> assertTrue(Files.isRegularFile(target(path, "../" + l.attr("href").substring(base.length()))), path + " " + l));
            assertEquals(base + path.substring("adopter/".length()), page(path).selectFirst("link[rel=canonical]").attr("href"));
        }
    }

    @Test
    void theSkipLinkLeadsToTheMainContent() {
        Document welsh = page("adopter/cy/policy.html");
        Element skip = welsh.selectFirst("body > a.skip-link");
        assertEquals("#main-content", skip.attr("href"));
        assertEquals("Neidio i'r prif gynnwys", skip.text());
        assertNotNull(welsh.selectFirst("main#main-content"));
        assertEquals("Skip to main content", page("solo/en/policy.html").selectFirst("a.skip-link").text());
    }

    @Test
    void anAppendixBreadcrumbLeadsFromTheSchoolThroughItsPolicy() {
        Element crumbs = page("adopter/en/appendix-a-agreement.html").selectFirst("nav.breadcrumbs");
        assertEquals("Breadcrumb", crumbs.attr("aria-label"));
        assertEquals(List.of("School policies", "Riverside Primary School", "Online Safety Policy", "Parent and carer agreement"),
                crumbs.select("li").eachText());
        assertEquals(List.of("../../index.html", "index.html", "policy.html"), crumbs.select("a").eachAttr("href"));
        assertEquals("page", crumbs.selectFirst("li:last-child span").attr("aria-current"));
        assertEquals(List.of("Polisïau ysgolion", "Ysgol Gynradd Glan yr Afon", "Polisi Diogelwch Ar-lein", "Cytundeb rhieni a gofalwyr"),
                page("adopter/cy/appendix-a-agreement.html").select("nav.breadcrumbs li").eachText());
    }

    @Test
    void aPolicyListsItsSectionsInAContentsList() {
        Document english = page("adopter/en/policy.html");
        Element contents = english.selectFirst("nav.contents");
        assertEquals("Contents", contents.selectFirst("h2").text());
        List<String> hrefs = contents.select("a").eachAttr("href");
        assertEquals(List.of("#intro", "#scope", "#devices-at-home", "#roles", "#review", "#complaints"), hrefs);
        assertEquals(List.of("Introduction", "Scope", "Devices at home", "Roles and responsibilities", "Review", "Complaints"),
                contents.select("a").eachText());
        hrefs.forEach(href -> assertNotNull(english.getElementById(href.substring(1)), href));
        assertEquals("Cynnwys", page("adopter/cy/policy.html").selectFirst("nav.contents h2").text());
    }

    @Test
    void aRemovedSectionIsNotPublishedButTheTemplatePreviewKeepsIt() {
        assertNull(page("adopter/en/policy.html").getElementById("community"));
        assertNull(page("adopter/cy/policy.html").getElementById("community"));
        assertNotNull(page("demo-template/en/policy.html").getElementById("community"));
    }

    @Test
    void aPolicyWithoutAnApproverSaysItIsAwaitingApproval() {
        assertTrue(page("adopter/en/policy.html").select(".policy-details li").eachText()
                .contains("Awaiting approval by the governing body."));
        assertTrue(page("adopter/cy/policy.html").select(".policy-details li").eachText()
                .contains("Yn aros am gymeradwyaeth y corff llywodraethu."));
        assertTrue(page("solo/en/policy.html").select(".policy-details li").eachText()
                .contains("Approved by the governing body on 10 September 2024."));
    }

    @Test
    void welshPagesWriteDatesWithWelshMonthNames() {
        List<String> welsh = page("adopter/cy/policy.html").select(".policy-details li").eachText();
        assertTrue(welsh.contains("Dyddiad yr adolygiad nesaf: 30 Tachwedd 2027"), welsh.toString());
        assertTrue(welsh.contains("Diweddarwyd ddiwethaf: 1 Medi 2026"), welsh.toString());
        List<String> english = page("adopter/en/policy.html").select(".policy-details li").eachText();
        assertTrue(english.contains("Next review due: 30 November 2027"), english.toString());
    }

    @Test
    void aPolicyPastItsReviewDateSaysSo() {
        Element overdue = page("solo/en/policy.html").selectFirst(".policy-details .notice--warning");
        assertNotNull(overdue);
        // Issue 15: when review was due, and an invitation to ask the school; no claim about what the school is doing.
        assertEquals("This policy was due for review by 1 September 2025. Please ask the school for its current version.",
                overdue.text());
        assertNull(page("adopter/en/policy.html").selectFirst(".notice--warning"));
    }

    @Test
    void aDraftTranslationSaysSoInWelshAndInEnglish() {
        Element notice = page("adopter/cy/policy.html").selectFirst(".notice--draft");
        assertNotNull(notice);
        assertTrue(notice.selectFirst("p[lang=cy]").text().startsWith("Cyfieithiad Cymraeg yn aros am adolygiad"));
        assertTrue(notice.selectFirst("p[lang=en]").text().startsWith("Welsh translation awaiting review"));
        assertTrue(notice.text().contains("office@riverside.test"));
        assertNull(page("adopter/en/policy.html").selectFirst(".notice--draft"));
        assertNull(page("adopter/cy/appendix-a-agreement.html").selectFirst(".notice--draft"), "a reviewed translation");
        assertNull(page("adopter/cy/about.html").selectFirst(".notice--draft"), "a reviewed, if stale, translation");
    }

    @Test
    void aStaleTranslationSaysSoEvenWhenReviewed() {
        Element notice = page("adopter/cy/about.html").selectFirst(".notice--stale");
        assertNotNull(notice, "the planted stale translation (its English hash is no version's)");
        assertTrue(notice.selectFirst("p[lang=cy]").text().startsWith("Mae'r fersiwn Saesneg wedi newid"), notice.text());
        assertEquals("../en/about.html", notice.selectFirst("p[lang=en] a").attr("href"));
        assertNull(page("adopter/cy/policy.html").selectFirst(".notice--stale"), "an up-to-date translation");
        assertNull(page("adopter/en/about.html").selectFirst(".notice--stale"));
    }

    @Test
    void aClusterTemplatesPreviewSaysSoOnEveryPageInThePagesLanguageAndASchoolsPagesDoNot() {
        for (String path : List.of("demo-template/en/policy.html", "demo-template/en/index.html")) {
            assertEquals("This is a preview of a cluster template, not a school's website. Its forms cannot be sent: each school"
                    + " that adopts the template publishes its own.", page(path).selectFirst(".notice--preview").text(), path);
        }
        assertTrue(page("demo-template/cy/policy.html").selectFirst(".notice--preview p").text().startsWith("Rhagolwg o dempled clwstwr"));
        assertEquals("", page("demo-template/cy/policy.html").selectFirst(".notice--preview p").attr("lang"), "in the page's own language");
        assertNull(page("adopter/en/policy.html").selectFirst(".notice--preview"));
        assertNull(page("adopter/cy/index.html").selectFirst(".notice--preview"));
    }

    @Test
    void theSchoolsNameReplacesTheTemplatesPlaceholder() {
        assertTrue(page("adopter/en/policy.html").select("#intro + .sectionbody p").eachText()
                .contains("Riverside Primary School publishes this policy so that every pupil can use the internet safely."));
        assertTrue(page("adopter/cy/policy.html").select("#intro + .sectionbody p").eachText()
                .contains("Ysgol Gynradd Glan yr Afon sy\u2019n cyhoeddi\u2019r polisi hwn er mwyn i bob disgybl ddefnyddio\u2019r rhyngrwyd yn ddiogel."));
        assertTrue(page("demo-template/en/policy.html").text().contains("the school publishes this policy"));
        assertTrue(page("solo/en/policy.html").text().contains("Solo Primary School expects every pupil"));
    }

    @Test
    void noPageLeavesAnAttributeUnreplaced() throws Exception {
        try (Stream<Path> files = Files.walk(site.pages())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = site.page(site.pages().relativize(file).toString()).body().text();
                assertFalse(text.matches("(?s).*\\{[a-z][a-z0-9-]*}.*"), file + ": " + text);
            }
        }
    }

    @Test
    void aTickIsReadAsYesOrIe() {
        Element english = page("adopter/en/policy.html").selectFirst("td .tick");
        assertEquals("\u2713", english.selectFirst("[aria-hidden=true]").text());
        assertEquals("Yes", english.selectFirst(".visually-hidden").text());
        Element welsh = page("adopter/cy/policy.html").selectFirst("td .tick");
        assertEquals("Ie", welsh.selectFirst(".visually-hidden").text());
    }

    @Test
    void aReferenceToADocumentTheSchoolDoesNotPublishStaysPlainText() {
        Document solo = page("solo/en/policy.html");
        Element missing = solo.selectFirst(".missing-document");
        assertNotNull(missing);
        assertEquals("missing document", missing.text());
        assertEquals("span", missing.tagName());
        assertTrue(solo.select("main a").stream().noneMatch(a -> a.attr("href").contains("missing-doc")));
    }

    @Test
    void aReferenceToAPublishedDocumentLinksToIt() {
        Element link = page("adopter/en/about.html").selectFirst("main .body a[href=policy.html]");
        assertNotNull(link, page("adopter/en/about.html").selectFirst("main .body").html());
        assertEquals("online safety policy", link.text());
        assertEquals("polisi diogelwch ar-lein", page("adopter/cy/about.html").selectFirst("main .body a[href=policy.html]").text());
    }

    @Test
    void anXrefToAnAppendixLinksToItsPage() {
        Element link = page("adopter/en/policy.html").selectFirst("#intro + .sectionbody a");
        assertEquals("Appendix A", link.text());
        assertEquals("appendix-a-agreement.html", link.attr("href"));
        assertEquals("Atodiad A", page("adopter/cy/policy.html").selectFirst("#intro + .sectionbody a").text());
    }

    @Test
    void anAppendixLinksBackToItsPolicyAndThePolicyToItsAppendices() {
        Element back = page("adopter/en/appendix-a-agreement.html").selectFirst(".back-link a");
        assertEquals("policy.html", back.attr("href"));
        assertEquals("Back to Online Safety Policy", back.text());
        assertEquals("Yn ôl i'r polisi: Polisi Diogelwch Ar-lein",
                page("adopter/cy/appendix-a-agreement.html").selectFirst(".back-link a").text());
        assertEquals("Appendix A", page("adopter/en/appendix-a-agreement.html").selectFirst(".caption").text());
        Element listed = page("adopter/en/policy.html").selectFirst("nav.appendices a");
        assertEquals("appendix-a-agreement.html", listed.attr("href"));
        assertEquals("Appendix A: Parent and carer agreement", listed.text());
    }

    @Test
    void theSchoolIndexListsPoliciesWithTheirAppendices() {
        Element list = page("adopter/cy/index.html").selectFirst("main .body ul");
        assertEquals(List.of("policy.html", "appendix-a-agreement.html", "about.html"), list.select("a").eachAttr("href"));
        assertEquals("Atodiad A: Cytundeb rhieni a gofalwyr", list.selectFirst("a[href=appendix-a-agreement.html]").text());
    }

    @Test
    void theClusterIndexListsEverySchoolInEachOfItsLanguages() {
        Document index = page("index.html");
        List<String> hrefs = index.select(".school-list h2 a").eachAttr("href");
        assertEquals(List.of("adopter/en/index.html", "adopter/cy/index.html", "solo/en/index.html",
                "demo-template/en/index.html", "demo-template/cy/index.html"), hrefs);
        assertEquals("cy", index.selectFirst("section[aria-labelledby=school-adopter-cy]").attr("lang"));
    }

    @Test
    void staleOverridesAndTranslationsAreReportedNotFailed() {
        assertEquals(List.of(), site.result().problems().stream()
                .filter(p -> p.code().contains("stale") || p.message().contains("translated-from")
                        || p.file() != null && p.file().endsWith("adopter/en/policy.adoc"))
                .toList());
    }
}
