package org.polisi.site.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.translation.TranslationState;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report on the good fixture: it lists exactly what was planted there, and nothing else. */
class SiteReportTest {
    private static BuildResult resolved;
    private static List<SiteReport.SchoolReport> reports;

    @BeforeAll
    static void report() {
        Path unused = Path.of(System.getProperty("java.io.tmpdir")).resolve("polisi-report-unused");
        resolved = new SiteBuild(Fixtures.options(Fixtures.content("good"), unused, List.of()), line -> { }).resolveOnly();
        reports = SiteReport.of(resolved.sites(), resolved.translations(), resolved.toConfirm(), Fixtures.TODAY);
    }

    private static SiteReport.SchoolReport school(String id) {
        return reports.stream().filter(r -> r.school().equals(id)).findFirst().orElseThrow();
    }

    private static Path file(String relative) {
        return Fixtures.content("good").resolve(relative);
    }

    @Test
    void everySchoolAndTemplatePreviewIsReported() {
        assertEquals(List.of("adopter", "solo", "demo-template"), reports.stream().map(SiteReport.SchoolReport::school).toList());
        assertEquals(List.of(), resolved.problems());
    }

    @Test
    void theOnlyStaleOverrideIsThePlantedOne() {
        List<String> stale = reports.stream().flatMap(r -> r.staleOverrides().stream())
                .map(c -> c.pageKey() + "/" + c.sectionId() + " (" + c.language() + ") " + c.file() + ":" + c.line()).toList();
        assertEquals(List.of("policy/community (en) " + file("schools/adopter/en/policy.adoc") + ":16"), stale);
        assertEquals("demo", school("adopter").adopts());
    }

    @Test
    void theSectionsListShowsHowTheSchoolTreatsEachTemplateSectionInEachLanguage() {
        for (String language : List.of("en", "cy")) {
            List<String> sections = school("adopter").sections().stream()
                    .filter(c -> c.pageKey().equals("policy") && c.language().equals(language))
                    .map(c -> c.status().name().toLowerCase() + " " + c.sectionId()).sorted().toList();
            assertEquals(List.of("inherited intro", "inherited review", "inherited scope", "inserted complaints",
                    "inserted devices-at-home", "removed community", "replaced roles"), sections, language);
        }
        assertEquals(List.of(), school("solo").sections());
    }

    @Test
    void theOnlyStaleTranslationIsThePlantedOne() {
        List<String> stale = reports.stream().flatMap(r -> r.staleTranslations().stream())
                .map(t -> t.pageKey() + " (" + t.language() + ") " + t.file()).toList();
        assertEquals(List.of("about (cy) " + file("schools/adopter/cy/about.adoc")), stale);
        assertEquals(Map.of("draft", 1, "reviewed", 2, "stale", 1, "missing", 0), school("adopter").translationCounts());
        assertEquals(List.of(), school("adopter").missingTranslations());
    }

    @Test
    void aPolicyPastItsReviewDateIsOverdue() {
        assertEquals(List.of(Map.of("page", "policy", "reviewDue", "2025-09-01", "status", "overdue",
                "approval", "approved by the governing body")), school("solo").reviews());
        assertEquals(List.of(Map.of("page", "policy", "reviewDue", "2027-11-30", "status", "current",
                "approval", "awaiting approval")), school("adopter").reviews());
    }

    @Test
    void aDocumentReferredToButNotPublishedIsListedWithWhereItWasReferredFrom() {
        assertEquals(List.of(Map.of("document", "missing-doc",
                "referredFrom", file("schools/solo/en/policy.adoc") + ":13")), school("solo").missingDocuments());
        assertEquals(List.of(), school("adopter").missingDocuments());
        assertEquals(List.of(), school("demo-template").missingDocuments());
    }

    @Test
    void aTemplatePreviewHasNoStaleTranslations() {
        assertEquals(List.<TranslationState>of(), school("demo-template").staleTranslations());
    }
}
