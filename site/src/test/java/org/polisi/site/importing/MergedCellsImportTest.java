package org.polisi.site.importing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
 * A Word table's merged cells (gridSpan, vMerge) are kept, and on a phone every cell under a merged
 * heading is labelled with both headings (tester 7's finding 10, docs/adr/0108). Real .docx files,
 * made by pandoc from HTML with colspan and rowspan, imported and built.
 */
@ExtendWith(PandocCondition.class)
class MergedCellsImportTest {
    private ScratchProject project;

    @BeforeEach
    void newSchool() throws IOException {
        project = ScratchProject.withSchool("ysgol-dau", "Ysgol Dau", "england");
    }

    @AfterEach
    void cleanUp() {
        project.delete();
    }

    /** The tester's p6.html: one header row of merged headings, the column headings in the first body row. */
    private static final String ONE_HEADER_ROW = "<h1>Technology Policy</h1><h2>Who may use what</h2><table>"
            + "<thead><tr><th>Technology</th><th colspan=\"2\">Staff</th><th colspan=\"2\">Pupils</th></tr></thead><tbody>"
            + "<tr><td></td><td>Allowed</td><td>Not allowed</td><td>Allowed</td><td>Not allowed</td></tr>"
            + "<tr><td>Mobile phones</td><td>✓</td><td></td><td></td><td>✓</td></tr>"
            + "<tr><td colspan=\"3\">Social media (staff only row)</td><td></td><td>✓</td></tr>"
            + "</tbody></table>";

    /** Two header rows, a heading merged down both, and a row label merged down two rows. */
    private static final String TWO_HEADER_ROWS = "<h1>Technology Policy</h1><h2>Who may use what</h2><table>"
            + "<thead><tr><th rowspan=\"2\">Device</th><th colspan=\"2\">Staff</th><th colspan=\"2\">Pupils</th></tr>"
            + "<tr><th>Allowed</th><th>Not allowed</th><th>Allowed</th><th>Not allowed</th></tr></thead><tbody>"
            + "<tr><td>Phones</td><td>✓</td><td></td><td></td><td>✓</td></tr>"
            + "<tr><td colspan=\"3\">Social media</td><td></td><td>✓</td></tr>"
            + "<tr><td rowspan=\"2\">Cameras</td><td>✓</td><td></td><td></td><td>✓</td></tr>"
            + "<tr><td></td><td>✓</td><td>✓</td><td></td></tr>"
            + "</tbody></table>";

    @Test
    void theTestersTableKeepsItsMergesAndEveryTickIsLabelledWithBothHeadings(@TempDir Path folder) throws IOException {
        Document page = importAndBuild(folder, ONE_HEADER_ROW, "technology-policy");
        Element table = page.selectFirst(".body table");
        assertEquals(List.of("2", "2"), table.select("thead th[colspan]").eachAttr("colspan"), table.outerHtml());
        assertEquals(2, table.select("thead tr").size(), table.outerHtml());
        Element phones = table.select("tbody tr").get(0);
        // The first column labels the rows (ticks in the others), so its cells are header cells, not labelled.
        assertEquals("Mobile phones", phones.selectFirst("th").text(), table.outerHtml());
        assertEquals(List.of("Staff \u2014 Allowed", "Staff \u2014 Not allowed", "Pupils \u2014 Allowed",
                "Pupils \u2014 Not allowed"), phones.select("td").eachAttr("data-label"), table.outerHtml());
        Element social = table.select("tbody tr").get(1);
        assertEquals("3", social.selectFirst("th, td").attr("colspan"), table.outerHtml());
        assertEquals(List.of("Pupils \u2014 Allowed", "Pupils \u2014 Not allowed"),
                social.select("td").eachAttr("data-label"), table.outerHtml());
        assertEquals(1, social.select(".tick").size());
        assertTrue(social.select("td").last().select(".tick").size() == 1, "the tick stays under Pupils, Not allowed");
    }

    @Test
    void twoHeaderRowsAndARowLabelMergedDownAreKept(@TempDir Path folder) throws IOException {
        Document page = importAndBuild(folder, TWO_HEADER_ROWS, "technology-policy");
        Element table = page.selectFirst(".body table");
        assertEquals("2", table.selectFirst("thead th").attr("rowspan"), table.outerHtml());
        assertEquals(List.of("Device", "Staff", "Pupils", "Allowed", "Not allowed", "Allowed", "Not allowed"),
                table.select("thead th").eachText());
        List<Element> rows = table.select("tbody tr");
        assertEquals(4, rows.size(), table.outerHtml());
        assertEquals("2", rows.get(2).selectFirst("th, td").attr("rowspan"), table.outerHtml());
        assertEquals(List.of("Staff \u2014 Allowed", "Staff \u2014 Not allowed", "Pupils \u2014 Allowed", "Pupils \u2014 Not allowed"),
                rows.get(3).select("td").eachAttr("data-label"), table.outerHtml());
        for (Element row : rows) {
            for (Element cell : row.select("td")) {
                assertFalse(cell.attr("data-label").isBlank(), "every body cell is labelled: " + row.outerHtml());
            }
        }
    }

    private Document importAndBuild(Path folder, String body, String key) throws IOException {
        Path html = Files.writeString(folder.resolve(key + ".html"), body);
        Path docx = project.document(html, key + ".docx");
        PageImporter.Outcome outcome = project.importPage(docx, "ysgol-dau", key, "en", "policy");
        String text = Files.readString(outcome.page(), StandardCharsets.UTF_8);
        assertFalse(text.contains("\u27E6"), "no marker left in the text: " + text);
        assertTrue(text.contains("2+"), text);
        assertEquals(List.of(), outcome.findings().stream().filter(f -> f.message().contains("merged")).toList());
        Fixtures.BakedSite site = project.bake("ysgol-dau");
        try {
            assertEquals(List.of(), site.result().errors());
            return site.page("ysgol-dau/en/" + key + ".html");
        } finally {
            site.delete();
        }
    }
}
