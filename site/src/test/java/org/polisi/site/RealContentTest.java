package org.polisi.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionChange;
import org.polisi.site.report.SiteReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product's own content: the five source policies as four schools and the NGP template must
 * bake strictly, every Welsh page must have its English counterpart and the other way round, and
 * Brynford must really adapt the NGP template (sections replaced and removed).
 */
class RealContentTest {
    private static BuildResult result;
    private static BuildOptions options;

    @BeforeAll
    static void bakeTheRealContent() {
        RealContentBake bake = RealContentBake.get();
        result = bake.result();
        options = bake.options();
    }

    @Test
    void theRealContentBakesStrictlyWithoutErrors() {
        assertEquals(List.of(), result.errors().stream().map(p -> p.describe(Fixtures.projectRoot())).toList());
        assertTrue(result.published());
    }

    @Test
    void theRealContentHasNoUnknownWordsAndNoGlossaryDeviations() {
        // Pages, forms, settings and interface bundles, in English and Welsh (docs/adr/0034).
        assertEquals(List.of(), result.warnings().stream()
                .filter(p -> List.of("spelling", "glossary", "word-list").contains(p.code()))
                .map(p -> p.describe(Fixtures.projectRoot())).toList());
        for (String school : List.of("aberford", "brynford", "holy-trinity", "rumney", "ngp-template")) {
            assertFalse(result.proofing().of(school).isEmpty(), school + " was proofed");
            result.proofing().of(school).forEach((language, counts) ->
                    assertEquals(new org.polisi.site.proof.ProofResult.Counts(0, 0), counts, school + " " + language));
        }
    }

    /** Issue 20, fault 8: what search engines and browsers ask of every page. */
    @Test
    void everyPageHasADescriptionAbsoluteAlternatesAndOneTitleAtHome() throws IOException {
        Document policy = Jsoup.parse(options.outputDir().resolve("rumney/en/online-safety-policy.html").toFile());
        assertTrue(policy.selectFirst("meta[name=description]").attr("content")
                .startsWith("The United Nations Convention on the Rights of the Child"), "the first real paragraph, not the motto");
        assertEquals("http://localhost:7070/rumney/en/online-safety-policy.html", policy.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(List.of("http://localhost:7070/rumney/en/online-safety-policy.html",
                "http://localhost:7070/rumney/cy/online-safety-policy.html"), policy.select("link[rel=alternate][hreflang]").eachAttr("href"));
        assertEquals("../cy/online-safety-policy.html", policy.selectFirst("nav.language-toggle a[hreflang=cy]").attr("href"),
                "the toggle stays on this server");
        for (String school : List.of("aberford", "brynford", "holy-trinity", "rumney")) {
            try (Stream<Path> pages = Files.walk(options.outputDir().resolve(school))) {
                for (Path page : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                    Document html = Jsoup.parse(page.toFile());
                    String description = html.select("meta[name=description]").attr("content");
                    assertTrue(description.length() > 20 && description.length() <= 160, page + ": " + description);
                    assertTrue(html.select("link[rel=icon]").size() >= 1, page + " names its icon");
                }
            }
            Document home = Jsoup.parse(options.outputDir().resolve(school + "/en/index.html").toFile());
            assertFalse(home.title().contains(" – "), "one title on the home page: " + home.title());
        }
        assertTrue(Files.size(options.outputDir().resolve("favicon.ico")) > 0, "browsers ask for /favicon.ico");
        assertTrue(Files.isRegularFile(options.outputDir().resolve("assets/favicon.svg")));
    }

    @Test
    void eachSchoolHasASitemapWithItsLanguageAlternates() throws IOException {
        Document sitemap = Jsoup.parse(Files.readString(options.outputDir().resolve("rumney/sitemap.xml")), "",
                org.jsoup.parser.Parser.xmlParser());
        List<String> locations = sitemap.select("url > loc").eachText();
        assertTrue(locations.contains("http://localhost:7070/rumney/cy/appendix-d-digital-images-consent.html"), locations.toString());
        assertEquals(locations.size(), locations.stream().distinct().count());
        org.jsoup.nodes.Element english = sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().endsWith("/en/online-safety-policy.html")).findFirst().orElseThrow();
        assertEquals(List.of("en", "cy"), english.select("xhtml|link").eachAttr("hreflang"));
        assertFalse(Files.exists(options.outputDir().resolve("ngp-template/sitemap.xml")), "a preview has no base-url and no sitemap");
        assertTrue(Files.readString(options.outputDir().resolve("aberford/sitemap.xml")).contains("<loc>http://localhost:7070/aberford/en/internet-policy.html</loc>"));
    }

    /** Crawlers ask at the root: a tester found /sitemap.xml missing there. */
    @Test
    void theRootHasAnIndexOfTheSchoolsSitemapsAndARobotsFileNamingThem() throws IOException {
        Document index = Jsoup.parse(Files.readString(options.outputDir().resolve("sitemap.xml")), "",
                org.jsoup.parser.Parser.xmlParser());
        List<String> sitemaps = index.select("sitemapindex > sitemap > loc").eachText();
        assertEquals(List.of("http://localhost:7070/aberford/sitemap.xml", "http://localhost:7070/brynford/sitemap.xml",
                "http://localhost:7070/holy-trinity/sitemap.xml", "http://localhost:7070/rumney/sitemap.xml"), sitemaps,
                "every school with a base-url, the template preview left out");
        for (String sitemap : sitemaps) {
            String school = sitemap.replaceFirst(".*7070/", "").replace("/sitemap.xml", "");
            assertTrue(Files.isRegularFile(options.outputDir().resolve(school).resolve("sitemap.xml")), sitemap);
        }
        List<String> robots = Files.readAllLines(options.outputDir().resolve("robots.txt"));
        assertEquals(sitemaps, robots.stream().filter(line -> line.startsWith("Sitemap: "))
                .map(line -> line.substring("Sitemap: ".length())).toList());
        assertTrue(robots.contains("User-agent: *"), robots.toString());
    }

    @Test
    void theTemplatePreviewIsMarkedAndItsFormsCannotBeSent() throws IOException {
        Document index = Jsoup.parse(options.outputDir().resolve("index.html").toFile());
        assertTrue(index.select("li.school:has(a[href^=ngp-template]) .preview-label").size() >= 1, "marked in the index");
        assertTrue(index.select("li.school:has(a[href^=rumney]) .preview-label").isEmpty());
        Path manifest = options.manifestsDir().resolve("ngp-template.json");
        assertTrue(Files.readString(manifest).replaceAll("\\s", "").contains("\"preview\":true"), "the server is told");
        assertFalse(Files.readString(options.manifestsDir().resolve("rumney.json")).contains("\"preview\""));
        try (Stream<Path> pages = Files.walk(options.outputDir().resolve("ngp-template"))) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document html = Jsoup.parse(page.toFile());
                assertFalse(html.select(".notice--preview").isEmpty(), page + " says it is a preview");
                assertTrue(html.select("form button, form input:not([type=hidden]):not([disabled])").isEmpty(), page + ": no live form");
            }
        }
    }

    /** Issue 20, fault 8: Appendix G is the web form, its hint naming the paper log's columns, not the empty paper table. */
    @Test
    void appendixGShowsTheFormWithThePaperLogsColumnsInItsHint() throws IOException {
        for (String language : List.of("en", "cy")) {
            Document page = Jsoup.parse(options.outputDir().resolve("rumney/" + language + "/appendix-g-reporting-log.html").toFile());
            assertTrue(page.select("main table").isEmpty(), language + ": no empty paper table");
            String introduction = page.select(".polisi-form .form-introduction").text();
            assertTrue(introduction.contains(language.equals("en") ? "paper reporting log" : "cofnod adrodd papur"), introduction);
        }
    }

    @Test
    void everySchoolAndTheTemplatePreviewIsPublished() {
        for (String site : List.of("aberford", "brynford", "holy-trinity", "rumney", "ngp-template")) {
            assertTrue(Files.isRegularFile(options.outputDir().resolve(site + "/en/index.html")), site);
        }
        assertFalse(Files.exists(options.outputDir().resolve("aberford/cy")), "schools in England publish English only");
    }

    @Test
    void everyWelshPageHasItsEnglishCounterpartAndTheToggleLandsOnIt() throws IOException {
        for (String school : List.of("brynford", "rumney")) {
            try (Stream<Path> pages = Files.list(options.outputDir().resolve(school + "/cy"))) {
                for (Path welsh : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                    // An earlier Welsh version (site/.../history) has no English twin: its toggle lands on the English page.
                    String counterpart = welsh.getFileName().toString().replaceFirst("\\.(version|changes)-[0-9a-f]{12}\\.html$", ".html");
                    Path english = options.outputDir().resolve(school + "/en").resolve(counterpart);
                    assertTrue(Files.isRegularFile(english), "no English counterpart of " + welsh);
                    Document page = Jsoup.parse(welsh.toFile());
                    assertEquals("cy", page.selectFirst("html").attr("lang"));
                    assertEquals("../en/" + counterpart,
                            page.selectFirst("nav.language-toggle a[hreflang=en]").attr("href"));
                }
            }
        }
    }

    @Test
    void everyPolicyAndAppendixOfEachSchoolHasAnAccessiblePdfInEachLanguage() throws Exception {
        List<String> failures = new java.util.ArrayList<>();
        int pdfs = 0;
        for (ResolvedSite site : result.sites()) {
            if (site.id().endsWith(SiteBuild.TEMPLATE_PREVIEW_SUFFIX)) {
                continue;
            }
            for (String language : site.languages()) {
                for (var page : site.pages(language).values()) {
                    if (!List.of("policy", "appendix").contains(page.kind())) {
                        continue;
                    }
                    String path = site.id() + "/" + language + "/" + page.key();
                    Path pdf = options.outputDir().resolve(path + ".pdf");
                    assertTrue(Files.isRegularFile(pdf), "no PDF of " + path);
                    Document html = Jsoup.parse(options.outputDir().resolve(path + ".html").toFile());
                    assertEquals(1, html.select("main .pdf-link a[href=" + pdf.getFileName() + "]").size(), path + " links its PDF");
                    org.polisi.site.pdf.PdfUa.failures(pdf).forEach(f -> failures.add(path + ".pdf: " + f));
                    pdfs++;
                }
            }
        }
        assertTrue(pdfs >= 20, pdfs + " PDFs");
        assertEquals(List.of(), failures, "veraPDF, PDF/UA-1");
        for (String school : List.of("brynford", "rumney")) {
            assertTrue(Files.isRegularFile(options.outputDir().resolve(school + "/cy/online-safety-policy.pdf")), school);
        }
    }

    @Test
    void brynfordReplacesAndRemovesTemplateSections() {
        ResolvedSite brynford = result.sites().stream().filter(s -> s.id().equals("brynford")).findFirst().orElseThrow();
        List<SectionChange> english = brynford.sectionChanges().stream().filter(c -> c.language().equals("en")).toList();
        // Issue 15: Brynford publishes only its own text (SourceFidelityTest reads it sentence by sentence).
        assertTrue(english.stream().anyMatch(c -> c.status() == SectionChange.Status.REPLACED && c.sectionId().equals("scope")));
        assertTrue(english.stream().anyMatch(c -> c.status() == SectionChange.Status.REMOVED && c.sectionId().equals("background-and-rationale")));
        assertTrue(english.stream().noneMatch(SectionChange::stale), "Brynford's overrides match the current template");
    }

    @Test
    void threePoliciesArePastTheirReviewDate() {
        long overdue = SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY).stream()
                .filter(r -> !r.school().endsWith(SiteBuild.TEMPLATE_PREVIEW_SUFFIX))
                .flatMap(r -> r.reviews().stream())
                .filter(r -> r.get("status").equals("overdue")).count();
        assertEquals(3, overdue, "Brynford (March 2026), Rumney (September 2024) and Holy Trinity (December 2021)");
    }

    /**
     * Fault 6 of issue 14: a privacy notice may promise only the retention the server applies. Every
     * form on every published page states, in its page's language, exactly the sentence generated
     * from the form's own rule (read again from content/, not from the manifest).
     */
    @Test
    void everyPublishedPrivacyNoticeStatesTheSentenceGeneratedFromItsRule() throws Exception {
        int notices = 0;
        for (ResolvedSite site : result.sites()) {
            org.polisi.site.forms.definition.SchoolForms forms = org.polisi.site.forms.definition.SchoolForms.load(site.id(), site.languages(),
                    org.polisi.site.catalog.CatalogStage.formsDirs(site));
            for (String language : site.languages()) {
                java.util.Map<String, String> bundle = bundle(language);
                Path folder = options.outputDir().resolve(site.id() + "/" + language);
                try (Stream<Path> pages = Files.list(folder)) {
                    for (Path page : pages.filter(file -> file.toString().endsWith(".html")).toList()) {
                        for (var form : Jsoup.parse(page.toFile()).select("section.polisi-form")) {
                            String formId = form.selectFirst("form").attr("data-form-id");
                            var definition = forms.find(formId).orElseThrow();
                            String expected = bundle.get("forms.privacy.retention").replace("{retention}",
                                    org.polisi.site.forms.definition.RetentionSentence.in(definition.retention(), language, bundle));
                            List<String> stated = form.select(".privacy-notice p").eachText().stream()
                                    .filter(text -> text.startsWith(bundle.get("forms.privacy.retention")
                                            .replace("{retention}", "")))
                                    .toList();
                            assertEquals(List.of(expected), stated, page + " " + formId);
                            notices++;
                        }
                    }
                }
            }
        }
        assertTrue(notices >= 25, "every form on every page was checked: " + notices);
    }

    /** No seed form invents a justification: the incident form's "25 years, in line with safeguarding practice" is gone. */
    @Test
    void noPublishedPageClaimsARetentionNoSourceStates() throws IOException {
        try (Stream<Path> files = Files.walk(options.outputDir())) {
            for (Path page : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                String text = Jsoup.parse(page.toFile()).text();
                assertFalse(text.contains("25 years") || text.contains("25 mlynedd"), page.toString());
                assertFalse(text.contains("safeguarding record-keeping practice"), page.toString());
            }
        }
    }

    /** Rumney's incident form routes as its policy says: the online safety co-ordinator, and the headteacher ("The Headteacher will always be informed"), for every report. */
    @Test
    void rumneysIncidentFormNotifiesTheRolesItsPolicyNames() throws IOException {
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                options.manifestsDir().resolve("rumney.json").toFile());
        for (var form : manifest.get("forms")) {
            if (form.get("id").asText().equals("incident-report")) {
                assertEquals("[\"online-safety-coordinator\",\"headteacher\"]", form.get("notify").get("incident").toString());
                assertEquals("[\"online-safety-coordinator\",\"headteacher\"]", form.get("notify").get("urgent").toString());
                assertEquals("until-staff-date", form.get("retention").get("rule").asText());
                return;
            }
        }
        throw new AssertionError("Rumney has no incident-report form");
    }

    /** Rumney's Appendix C states its rule (until the youngest child leaves); forms without a source rule are listed to confirm. */
    @Test
    void retentionRulesNoSourceStatesAreListedForTheSchoolToConfirm() {
        var rumney = SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY).stream()
                .filter(r -> r.school().equals("rumney")).findFirst().orElseThrow();
        List<String> toConfirm = rumney.toConfirm().stream()
                .filter(item -> item.source().equals(org.polisi.site.confirm.RetentionRulesToConfirm.SOURCE))
                .map(item -> item.what().substring("form ".length(), item.what().indexOf(':'))).toList();
        assertFalse(toConfirm.contains("parent-carer-agreement"), toConfirm.toString());
        assertTrue(toConfirm.containsAll(List.of("digital-images-consent", "incident-report", "consent-withdrawal")),
                toConfirm.toString());
    }

    private static java.util.Map<String, String> bundle(String language) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(Fixtures.projectRoot()
                .resolve("themes/default/i18n/forms_" + language + ".properties"))) {
            properties.load(reader);
        }
        java.util.Map<String, String> messages = new java.util.TreeMap<>();
        properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
        return messages;
    }
}
