package org.polisi.site.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables as a phone and a strict Content-Security-Policy need them (ADR 0044): no inline style, width hints
 * as classes the theme defines, and wide tables labelled cell by cell from their header row, spans followed.
 */
class ResponsiveTablesTest {
    private static Fixtures.BakedSite site;
    private static Document page;

    @BeforeAll
    static void bake() {
        site = Fixtures.bake(Fixtures.content("tables"), List.of("grid"));
        page = site.page("grid/en/policy.html");
    }

    @AfterAll
    static void cleanUp() {
        site.delete();
    }

    @Test
    void theFixtureBuildsStrictly() {
        assertEquals(List.of(), site.result().errors());
    }

    @Test
    void noElementOfThePageHasAnInlineStyle() {
        assertTrue(page.select("[style]").isEmpty(), page.select("[style]").outerHtml());
        assertEquals(List.of("col-w50", "col-w10", "col-w10", "col-w10", "col-w10"),
                page.select(".sect1:has(#ticks) col").eachAttr("class"));
        assertTrue(page.selectFirst(".sect1:has(#narrow) table").hasClass("table-w50"));
    }

    @Test
    void everyWidthClassIsDefinedByTheTheme() throws Exception {
        String css = java.nio.file.Files.readString(Fixtures.theme().resolve("assets/polisi.css"));
        for (Element element : page.select("col, table")) {
            for (String name : element.classNames()) {
                if (name.matches("(col|table)-w\\d+")) {
                    assertTrue(css.contains(element.tagName() + "." + name + " {"), name);
                }
            }
        }
    }

    @Test
    void aWideTableLabelsEachCellWithItsColumnsHeader() {
        Element table = page.selectFirst(".sect1:has(#ticks) table");
        assertTrue(table.hasClass("table--stack"), table.outerHtml());
        assertFalse(table.hasAttr("role"), "no ARIA roles on a table's own elements (HTML forbids them)");
        org.jsoup.select.Elements cells = table.select("tbody td");
        assertEquals(List.of("Refer to class teacher", "Refer to Headteacher", "Refer to Police", "Warning",
                "Refer to class teacher", "Refer to Headteacher", "Refer to Police", "Warning"), cells.eachAttr("data-label"));
        assertEquals(List.of(false, true, false, true, true, false, true, false),
                cells.stream().map(c -> c.hasClass("cell--empty")).toList());
        assertTrue(table.select("[role]").isEmpty(), table.outerHtml());
    }

    @Test
    void spansAreFollowedAsTheHtmlTableModelDoes() {
        Element table = page.selectFirst(".sect1:has(#spans) table");
        assertTrue(table.hasClass("table--stack"), table.outerHtml());
        // Row 2 starts under the row-spanning header: its first data cell is in the "Acceptable" column.
        List<Element> rows = table.select("tbody tr");
        assertEquals(List.of("Acceptable", "Unacceptable"), rows.get(0).select("td").eachAttr("data-label"), table.outerHtml());
        assertEquals(List.of("Acceptable", "Unacceptable"), rows.get(1).select("td").eachAttr("data-label"), table.outerHtml());
        assertEquals(List.of("Users shall not visit sites that relate to:", "Gambling"), rows.get(0).select("th").eachText());
        assertEquals(List.of("Shopping"), rows.get(1).select("th").eachText());
    }

    @Test
    void aTwoColumnTableWithoutAHeaderRowStaysATable() {
        Element table = page.selectFirst(".sect1:has(#pairs) table");
        assertFalse(table.hasClass("table--stack"));
        assertFalse(table.hasAttr("role"));
        assertTrue(table.select("[data-label]").isEmpty());
    }

    @Test
    void rewritingLeavesEverythingButTablesAsItWas() {
        String html = "<p>caf&#233; <em>x</em></p><div><table class=\"tableblock\"><colgroup><col style=\"width: 33.3333%;\">"
                + "</colgroup><tbody><tr><td>a<table class=\"tableblock\"><tr><td>b</td></tr></table></td></tr></tbody></table></div><p>after</p>";
        String out = ResponsiveTables.rewrite(html);
        assertTrue(out.startsWith("<p>caf&#233; <em>x</em></p><div><table"), out);
        assertTrue(out.endsWith("</table></div><p>after</p>"), out);
        assertTrue(out.contains("<col class=\"col-w30\">"), out);
        assertFalse(out.contains("style="), out);
        String slashed = ResponsiveTables.rewrite("<table class=\"tableblock\"><tbody><tr><th>detention/exclusion or ban/</th>"
                + "<td>a/b</td></tr></tbody></table>");
        assertTrue(slashed.contains("<th>detention/<wbr>exclusion or ban/</th>"), "a header may break after a slash: " + slashed);
        assertTrue(slashed.contains("<td>a/b</td>"), slashed);
        assertEquals(slashed, ResponsiveTables.rewrite(slashed), "rewriting twice changes nothing");
    }

    /** Asciidoctor 2.0.18's HTML for {@code [options="header"]} with {@code .2+|Technology 2+|Staff 2+|Pupils} (ADR 0108). */
    private static final String HEADER_ROW_SPANNING_DOWN = "<table class=\"tableblock\"><thead><tr>"
            + "<th rowspan=\"2\">Technology</th><th colspan=\"2\">Staff</th><th colspan=\"2\">Pupils</th></tr></thead><tbody>"
            + "<tr><td>Allowed</td><td>Not allowed</td><td>Allowed</td><td>Not allowed</td></tr>"
            + "<tr><td>Mobile phones</td><td>✓</td><td></td><td></td><td>✓</td></tr></tbody></table>";

    /** Asciidoctor's HTML for the importer's two header rows of {@code h|} cells, without {@code options="header"}. */
    private static final String HEADER_CELL_ROWS = "<table class=\"tableblock\"><tbody>"
            + "<tr><th rowspan=\"2\">Technoleg</th><th colspan=\"2\">Staff</th><th colspan=\"2\">Disgyblion</th></tr>"
            + "<tr><th>Caniateir</th><th>Ni chaniateir</th><th>Caniateir</th><th>Ni chaniateir</th></tr>"
            + "<tr><th>Ffonau</th><td>✓</td><td></td><td></td><td>✓</td></tr></tbody></table>";

    @Test
    void underAMergedHeadingEachCellIsLabelledWithEveryHeadingAboveIt() {
        Element spanningDown = org.jsoup.Jsoup.parseBodyFragment(ResponsiveTables.rewrite(HEADER_ROW_SPANNING_DOWN)).selectFirst("table");
        assertEquals(2, spanningDown.select("thead tr").size(), "the rows a thead cell spans join the thead: " + spanningDown);
        assertEquals(List.of("Technology", "Staff \u2014 Allowed", "Staff \u2014 Not allowed", "Pupils \u2014 Allowed",
                "Pupils \u2014 Not allowed"), spanningDown.select("tbody td").eachAttr("data-label"), spanningDown.outerHtml());
        Element headerCells = org.jsoup.Jsoup.parseBodyFragment(ResponsiveTables.rewrite(HEADER_CELL_ROWS)).selectFirst("table");
        assertTrue(headerCells.hasClass("table--stack"), headerCells.outerHtml());
        assertEquals(2, headerCells.select("thead tr").size(), headerCells.outerHtml());
        assertEquals(List.of("Staff \u2014 Caniateir", "Staff \u2014 Ni chaniateir", "Disgyblion \u2014 Caniateir",
                "Disgyblion \u2014 Ni chaniateir"), headerCells.select("tbody td").eachAttr("data-label"), headerCells.outerHtml());
        String once = ResponsiveTables.rewrite(HEADER_CELL_ROWS);
        assertEquals(once, ResponsiveTables.rewrite(once), "rewriting twice changes nothing");
        String allHeaders = "<table class=\"tableblock\"><tbody><tr><th>a</th><th>b</th><th>c</th></tr>"
                + "<tr><th>d</th><th>e</th><th>f</th></tr></tbody></table>";
        assertFalse(ResponsiveTables.rewrite(allHeaders).contains("thead"), "header cells without a merge stay where they are");
    }
}
