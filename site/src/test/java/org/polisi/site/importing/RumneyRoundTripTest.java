package org.polisi.site.importing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round trip over the real content: Rumney's English policy as the site publishes it, exported
 * to Word by pandoc, imported into a scratch school and built, keeps its section titles, the
 * shape of every table and every tick.
 */
@ExtendWith(PandocCondition.class)
class RumneyRoundTripTest {
    private static final String PAGE = "rumney/en/online-safety-policy.html";
    private static Fixtures.BakedSite rumney;
    private static Fixtures.BakedSite imported;
    private static ScratchProject project;
    private static Element original;
    private static Element roundTripped;
    private static List<ImportFinding> findings;

    @BeforeAll
    static void exportImportAndBuild() throws IOException {
        rumney = Fixtures.bake(Fixtures.projectRoot().resolve("content"), List.of("rumney"));
        Document page = rumney.page(PAGE);
        original = page.selectFirst("main .body");
        project = ScratchProject.withSchool("rumney-copy", "Rumney Copy", "england");
        // Rumney's own accepted words (names, the source's spellings) come with its text
        Files.copy(Fixtures.projectRoot().resolve("content/schools/rumney/words.txt"),
                project.content.resolve("schools/rumney-copy/words.txt"));
        // and the people its settings name, which the published page (and so the Word file) spells out
        Files.writeString(project.content.resolve("schools/rumney-copy/words.txt"),
                "\nEleri # Rumney's headteacher (school.yml)\nCarne # Rumney's co-ordinator (school.yml)\n"
                        + "Howells # Rumney's DCF co-ordinator (school.yml)\n", StandardOpenOption.APPEND);
        Path html = project.root.resolve("rumney.html");
        Element body = original.clone();
        body.select(".visually-hidden").remove();   // a Word document has the ✓, not the screen reader's "Yes"
        Files.writeString(html, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + page.selectFirst("h1").text() + "</title></head><body>" + body.html() + "</body></html>", StandardCharsets.UTF_8);
        Path docx = project.document(html, "rumney.docx");
        findings = project.importPage(docx, "rumney-copy", "online-safety-policy", "en", "policy").findings();
        imported = project.bake("rumney-copy");
        roundTripped = imported.page("rumney-copy/en/online-safety-policy.html").selectFirst("main .body");
    }

    @AfterAll
    static void cleanUp() {
        for (Fixtures.BakedSite site : new Fixtures.BakedSite[]{rumney, imported}) {
            if (site != null) {
                site.delete();
            }
        }
        if (project != null) {
            project.delete();
        }
    }

    @Test
    void theSectionTitlesAreTheOriginals() {
        List<String> titles = original.select("h2, h3, h4").eachText();
        assertTrue(titles.size() > 30, titles.toString());
        assertEquals(titles, roundTripped.select("h2, h3, h4").eachText());
    }

    @Test
    void everyTableHasItsOriginalShape() {
        List<String> shapes = shapes(original);
        assertTrue(shapes.size() >= 5, shapes.toString());
        assertEquals(shapes, shapes(roundTripped));
    }

    /** The import's own comparison of the page with the document (docs/adr/0103) finds nothing to say of a faithful page. */
    @Test
    void theImportFindsEveryWordAndTableOfTheDocumentOnThePage() {
        assertEquals(List.of(), findings.stream().filter(f -> f.kind() == ImportFinding.Kind.CHECK).toList());
    }

    @Test
    void everyTickSurvives() {
        int ticks = original.select(".tick").size();
        assertTrue(ticks > 50, "Rumney's tables hold " + ticks + " ticks");
        assertEquals(ticks, roundTripped.select(".tick").size());
    }

    /**
     * The scratch school has none of Rumney's appendices, so links to them break. Every link to a
     * section of the policy still works: only an anchor inside a list item is lost (pandoc's Word
     * reader keeps no bookmark that is not a heading).
     */
    @Test
    void theOnlyBuildErrorsAreLinksToPagesTheScratchSchoolDoesNotHaveAndNoSectionLinkBreaks() {
        List<String> sectionIds = original.select("h2, h3, h4").eachAttr("id");
        assertTrue(imported.result().errors().size() > 0, "the appendices are missing");
        for (Problem error : imported.result().errors()) {
            String where = error.describe(project.root);
            if (error.code().equals("broken-anchor")) {
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("no section with id '([^']+)'").matcher(error.message());
                assertTrue(id.find(), where);
                assertFalse(sectionIds.contains(id.group(1)), where);
            } else {
                assertEquals("broken-link", error.code(), where);
                assertTrue(error.message().contains("'appendix-"), where);
            }
        }
    }

    /** "rows x columns" of each table, in order. */
    private static List<String> shapes(Element body) {
        return body.select("table").stream()
                .map(table -> table.select("tr").size() + "x" + table.select("tr").first().select("th, td").stream()
                        .mapToInt(cell -> cell.hasAttr("colspan") ? Integer.parseInt(cell.attr("colspan")) : 1).sum()).toList();
    }
}
