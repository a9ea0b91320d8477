package org.polisi.site.importing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polisi.site.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Word document made by pandoc from a small Markdown source in the test resources (English and
 * Welsh), imported into a new standalone school and built strictly: every heading, list, table
 * cell, tick and link arrives, the importer reports the form blanks and the image, and the build
 * stops only at the image's missing alt text (the pages are read from its staging folder).
 */
@ExtendWith(PandocCondition.class)
class ImportFixtureTest {
    private static final String SCHOOL = "ysgol-enghraifft";
    private static ScratchProject project;
    private static PageImporter.Outcome english;
    private static PageImporter.Outcome welsh;
    private static Fixtures.BakedSite site;

    @BeforeAll
    static void importBothLanguagesAndBuild() throws IOException {
        project = ScratchProject.withSchool(SCHOOL, "Ysgol Enghraifft", "wales");
        Path englishDocx = project.document(ScratchProject.resource("fixture-en.md"), "policy.docx");
        Path welshDocx = project.document(ScratchProject.resource("fixture-cy.md"), "polisi.docx");
        english = project.importPage(englishDocx, SCHOOL, "online-safety-policy", "en", "policy");
        welsh = project.importPage(welshDocx, SCHOOL, "online-safety-policy", "cy", "policy");
        site = project.bake(SCHOOL);
    }

    @AfterAll
    static void cleanUp() {
        if (site != null) {
            site.delete();
        }
        if (project != null) {
            project.delete();
        }
    }

    /**
     * The one thing the strict build stops at is what the importer said a person must do: describe
     * the image (the build's missing-alt check). Nothing else is wrong, nor warned about.
     */
    @Test
    void theStrictBuildStopsOnlyAtTheImagesStillWithoutAltText() throws IOException {
        List<String> errors = site.result().errors().stream()
                .map(p -> p.code() + " " + p.file().getParent().getFileName() + ":" + p.line()).sorted().toList();
        int englishImage = Files.readAllLines(english.page()).indexOf("image::online-safety-policy-1.png[]") + 1;
        int welshImage = Files.readAllLines(welsh.page()).indexOf("image::online-safety-policy-cy-1.png[]") + 1;
        assertEquals(List.of("missing-alt cy:" + welshImage, "missing-alt en:" + englishImage), errors);
        assertEquals(List.of(), site.result().warnings());
        assertTrue(english.findings().stream().anyMatch(f -> f.kind() == ImportFinding.Kind.ALT_TEXT && f.line() == englishImage));
    }

    @Test
    void everyHeadingArrivesWithoutItsTypedNumberAndWithTheSameIdInBothLanguages() {
        Document en = page("en");
        Document cy = page("cy");
        assertEquals(List.of("introduction", "who-it-covers", "using-devices", "agreement"), ids(en));
        assertEquals(ids(en), ids(cy));
        assertEquals(List.of("Introduction", "Who it covers", "Using devices", "Agreement"),
                en.select(".body h2, .body h3").eachText());
        assertEquals(List.of("Cyflwyniad", "Pwy sydd wedi'u cynnwys", "Defnyddio dyfeisiau", "Cytundeb"),
                cy.select(".body h2, .body h3").eachText().stream().map(t -> t.replace('\u2019', '\'')).toList());
        assertEquals("Online Safety Policy", en.selectFirst("h1").text());
        assertEquals("Polisi Diogelwch Ar-lein", cy.selectFirst("h1").text());
    }

    @Test
    void listsArriveAsLists() {
        List<String> items = page("en").select(".body li").eachText();
        assertTrue(items.containsAll(List.of("Staff and volunteers", "Pupils and their parents", "Visitors",
                "Read the policy", "Sign the agreement", "staff", "pupils")), items.toString());
        assertEquals(1, page("en").select(".body ol").size());
        assertTrue(page("cy").select(".body li").eachText().containsAll(List.of("Staff a gwirfoddolwyr", "Ymwelwyr", "disgyblion")));
    }

    @Test
    void tablesKeepEveryCellTheirHeaderRowAndTheTickGridItsHeaderColumn() {
        Document en = page("en");
        List<Element> tables = en.select(".body table");
        assertEquals(3, tables.size());
        Element grid = tables.get(0);
        assertEquals(List.of("Activity", "Staff", "Pupils"), grid.select("thead th").eachText());
        assertEquals(List.of("Mobile phones", "Tablets"), grid.select("tbody th").eachText(), "the first column labels the rows");
        assertEquals(3, grid.select("tbody tr").first().select("td, th").size());
        Element rules = tables.get(1);
        assertEquals(List.of("staff", "pupils"), rules.select("tbody td li").eachText(), "a list in a cell stays a list");
        assertFalse(rules.text().contains("* "), "no list marker printed as text");
        assertEquals(List.of("Date", "Name", "Incident"), tables.get(2).select("thead th").eachText());
        assertEquals(2, tables.get(2).select("tbody tr").size());
    }

    @Test
    void everyTickMarkBecomesATickThatScreenReadersRead() {
        assertEquals(3, page("en").select(".body .tick").size());
        assertEquals(List.of("Yes", "Yes", "Yes"), page("en").select(".body .tick .visually-hidden").eachText());
        assertEquals(List.of("Ie", "Ie", "Ie"), page("cy").select(".body .tick .visually-hidden").eachText());
        assertFalse(page("en").select(".body").text().contains("✔"));
    }

    @Test
    void linksAreKept() {
        assertEquals("https://hwb.gov.wales/zones/keeping-safe-online/", page("en").select(".body a:contains(Hwb guidance)").attr("href"));
        assertEquals("https://hwb.gov.wales/zones/keeping-safe-online/", page("cy").select(".body a:contains(canllawiau Hwb)").attr("href"));
    }

    @Test
    void theStatedDatesBecomePageAttributesAndNoApprovalIsInvented() throws IOException {
        String text = Files.readString(english.page(), StandardCharsets.UTF_8);
        assertTrue(text.contains(":version: 2.1\n"), text);
        assertTrue(text.contains(":last-updated: 2023-02-01\n"), text);
        assertTrue(text.contains(":review-due: March 2026\n"), text);   // a month stays a month (issue 15)
        assertFalse(text.contains(":approved-by:"));
        assertTrue(page("en").select(".policy-details").text().contains("Awaiting approval by the governing body."));
    }

    @Test
    void theWelshPageIsPairedWithTheEnglishAndStampedAsADraftTranslation() throws IOException {
        String text = Files.readString(welsh.page(), StandardCharsets.UTF_8);
        assertTrue(text.contains(":translation-status: draft\n"), text);
        assertTrue(text.matches("(?s).*:translated-from: [0-9a-f]{12}\n.*"), text);
        assertEquals(1, page("cy").select(".notice--draft").size());
        assertTrue(site.result().translations().get(SCHOOL).stream()
                .anyMatch(t -> t.pageKey().equals("online-safety-policy") && t.status().name().equals("DRAFT")));
    }

    @Test
    void formBlanksAndEmptyTablesAreReportedAtTheirLine() throws IOException {
        for (PageImporter.Outcome outcome : List.of(english, welsh)) {
            List<String> lines = Files.readAllLines(outcome.page(), StandardCharsets.UTF_8);
            List<ImportFinding> forms = outcome.findings().stream().filter(f -> f.kind() == ImportFinding.Kind.FORM_CANDIDATE).toList();
            assertEquals(2, forms.size(), outcome.findings().toString());
            assertTrue(lines.get(forms.get(0).line() - 1).contains("____"), lines.get(forms.get(0).line() - 1));
            assertEquals("|===", lines.get(forms.get(1).line() - 1));
            assertTrue(forms.get(1).message().contains("2 empty rows"));
        }
    }

    @Test
    void theImageGoesToTheSchoolsAssetsAndIsReportedAsNeedingAltText() throws IOException {
        Path assets = project.content.resolve("schools").resolve(SCHOOL).resolve("assets");
        assertTrue(Files.isRegularFile(assets.resolve("online-safety-policy-1.png")));
        assertTrue(Files.isRegularFile(assets.resolve("online-safety-policy-cy-1.png")));
        ImportFinding alt = english.findings().stream().filter(f -> f.kind() == ImportFinding.Kind.ALT_TEXT).findFirst().orElseThrow();
        assertEquals("image::online-safety-policy-1.png[]", Files.readAllLines(english.page()).get(alt.line() - 1));
        assertEquals("Using devices", alt.place());
    }

    @Test
    void onceTheImagesAreDescribedTheSchoolPublishesWithTheImages() throws IOException {
        Path copy = Files.createTempDirectory("polisi-import-described-");
        try {
            org.polisi.site.render.FileTrees.copy(project.content, copy);
            for (String language : List.of("en", "cy")) {
                Path page = copy.resolve("schools/" + SCHOOL + "/" + language + "/online-safety-policy.adoc");
                Files.writeString(page, Files.readString(page).replaceAll("(image::online-safety-policy(?:-cy)?-1\\.png)\\[]",
                        "$1[The school logo]"));
            }
            Fixtures.BakedSite described = Fixtures.bake(copy, List.of(SCHOOL));
            try {
                assertEquals(List.of(), described.result().errors());
                assertTrue(described.result().published());
                Element image = described.page(SCHOOL + "/en/online-safety-policy.html").selectFirst(".body img");
                assertEquals("The school logo", image.attr("alt"));
                assertTrue(Files.isRegularFile(described.file(SCHOOL + "/assets/online-safety-policy-1.png")), image.attr("src"));
            } finally {
                described.delete();
            }
        } finally {
            org.polisi.site.render.FileTrees.deleteRecursively(copy);
        }
    }

    private static Document page(String language) {
        return site.page(SCHOOL + "/" + language + "/online-safety-policy.html");
    }

    private static List<String> ids(Document page) {
        return page.select(".body h2, .body h3").eachAttr("id");
    }
}
