package org.polisi.site.importing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Tester 7's finding 3 and its kind: a Word document's words that look like AsciiDoc are on the
 * built page exactly as typed, and the importer itself says where a page's words differ from the
 * document's (docs/adr/0103).
 */
@ExtendWith(PandocCondition.class)
class ImportTextFidelityTest {
    /** The tester's p2.html, as written in the report. */
    private static final String TESTER = "<h1>Internet Policy</h1><h2>1. Introduction</h2><p>Staff must report concerns to the Headteacher.</p>"
            + "<p>// Staff must never share passwords.</p><p>:Important: pupils may not bring phones.</p>"
            + "<p>Our website is {school-website} and the fee is {blank} pounds.</p><h2>2. Who may use what</h2>"
            + "<table><thead><tr><th>Activity</th><th>Staff</th><th>Pupils</th></tr></thead>"
            + "<tr><td>Email | chat</td><td>✓</td><td></td></tr><tr><td>Mobile phones</td><td>✓</td><td>✓</td></tr></table>"
            + "<h2>3. Sanctions</h2><p>See the behaviour policy.</p>";
    /** The tester's variants (policy.html) and ours: every paragraph is one line of text that must reach the page as typed. */
    private static final List<String> PARAGRAPHS = List.of(
            "Costs are 5 * 3 = 15 and 2 * 4 = 8; file_name_here and snake_case_word; C++ and C# and {school-name} and {blank} stay.",
            "Text with <<anchor>> and pass:[<b>x</b>] and include::/etc/passwd[] and footnote:[x] here.",
            "Line with ++plus++ and `backtick` and #hash# and ^caret^ and ~tilde~ and &amp; and http://example.org/a_b_c?x=1&y=2 bare.",
            "// starts like a comment",
            ":toc: looks like an attribute",
            "ifdef::env-github[] conditional",
            "---- delimiter ----",
            "....",
            "----",
            "****",
            "* not a list",
            "- not a list either",
            ". not a numbered step",
            ".Not a block title",
            "= Not a heading",
            "1. not numbered either",
            "a. nor lettered",
            "NOTE: not an admonition, but the words typed",
            "Term:: not a description list",
            "[not, attributes]",
            "{empty}, kbd:[Ctrl] and link:x[] and btn:[OK] and image:x.png[] typed as words",
            "(C) 2024, (TM) and (R) -- and ... and -> stay as typed",
            "See https://www.gov.uk/guidance and www.example.org and staff@example.org",
            "A line ending in a plus +",
            "Welsh: Siân, Ŵyn, Rhŷs, ffôn, dŵr, tŷ; Don't and “quotes” – dash — em; 1/2 and 50% done; C:\\",
            "Brackets ] and [ and ((index)) and (((hidden))) and \\{escaped} stay.");

    private ScratchProject project;

    @BeforeEach
    void newSchool() throws IOException {
        project = ScratchProject.withSchool("t7-england", "Tester Seven C of E Primary", "england");
    }

    @AfterEach
    void cleanUp() {
        project.delete();
    }

    @Test
    void theTestersRuleAttributeBlankAndBarInACellAreOnThePageAsTyped() throws IOException {
        Path html = Files.writeString(project.root.resolve("p2.html"), TESTER, StandardCharsets.UTF_8);
        Path docx = project.document(html, "p2.docx");
        PageImporter.Outcome outcome = project.importPage(docx, "t7-england", "internet-policy", "en", "policy");
        String written = Files.readString(outcome.page());
        assertEquals(List.of(), fidelityFindings(outcome), written);
        assertEquals(List.of("{school-website}", "{blank}"), braced(outcome, written, 14), "a name in braces is shown as typed, and listed");
        Fixtures.BakedSite site = project.bake("t7-england");
        try {
            assertEquals(List.of("unresolved-attribute:14", "unresolved-attribute:14"), errors(site),
                    "the build reports the braces the page shows, at their line, as the import said");
            Document page = site.page("t7-england/en/internet-policy.html");
            List<String> paragraphs = page.select(".body p").eachText();
            assertTrue(paragraphs.contains("// Staff must never share passwords."), paragraphs.toString());
            assertTrue(paragraphs.contains(":Important: pupils may not bring phones."), paragraphs.toString());
            assertTrue(paragraphs.contains("Our website is {school-website} and the fee is {blank} pounds."), paragraphs.toString());
            Element table = page.selectFirst(".body table");
            List<List<String>> rows = table.select("tr").stream().map(row -> row.select("th, td").stream()
                    .map(cell -> cell.select(".visually-hidden").isEmpty() ? cell.text() : cell.selectFirst("[aria-hidden]").text()).toList()).toList();
            assertEquals(List.of(List.of("Activity", "Staff", "Pupils"), List.of("Email | chat", "✓", ""),
                    List.of("Mobile phones", "✓", "✓")), rows);
        } finally {
            site.delete();
        }
    }

    @Test
    void everyParagraphThatLooksLikeAsciidocIsOnTheBuiltPageExactly() throws IOException {
        StringBuilder html = new StringBuilder("<h1>Internet Policy</h1><h2>Introduction</h2>");
        for (String paragraph : PARAGRAPHS) {
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph)).append("</p>");
        }
        html.append("<p>Intra<b>word</b>bold and x<i>y</i>z.</p>");
        html.append("<h2>Who may use what</h2><table><thead><tr><th>Activity</th><th>Staff | all</th><th>Pupils</th></tr></thead>"
                + "<tr><td>Email | chat ! now</td><td>✓</td><td></td></tr>"
                + "<tr><td>a|b</td><td>// no</td><td>:x: y</td></tr>"
                + "<tr><td>* one</td><td>!===</td><td>✓</td></tr></table>");
        Path source = Files.writeString(project.root.resolve("variants.html"), html, StandardCharsets.UTF_8);
        Path docx = project.document(source, "variants.docx");
        PageImporter.Outcome outcome = project.importPage(docx, "t7-england", "internet-policy", "en", "policy");
        String written = Files.readString(outcome.page());
        assertEquals(List.of(), fidelityFindings(outcome), outcome.findings() + "\n" + written);
        assertEquals(List.of("{school-name}", "{blank}", "{empty}", "{escaped}"), braced(outcome, written, -1));
        assertFalse(written.contains(String.valueOf(AsciidocText.OPEN)) || written.contains(String.valueOf(AsciidocText.CLOSE)), written);
        Fixtures.BakedSite site = project.bake("t7-england");
        try {
            // What the build says of these words as text: braces, example addresses, Welsh words on an English page; and
            // two reports of the build's own checks on typed text (<<anchor>>, image:x.png[]) that the page shows as text.
            assertEquals(java.util.Set.of("unresolved-attribute", "placeholder", "spelling", "unsafe-html", "broken-image"),
                    site.result().errors().stream().map(p -> p.code()).collect(java.util.stream.Collectors.toSet()), errors(site) + "\n" + written);
            Document page = site.page("t7-england/en/internet-policy.html");
            Element body = page.selectFirst(".body");
            List<String> paragraphs = body.select("p").eachText();
            List<String> expected = new java.util.ArrayList<>(PARAGRAPHS);
            expected.add("Intrawordbold and xyz.");
            // the one deliberate change: Asciidoctor's typographic apostrophe, as Word's own AutoCorrect writes it (docs/adr/0103)
            expected.replaceAll(p -> p.replace("Don't", "Don\u2019t"));
            assertEquals(expected, paragraphs.subList(0, expected.size()));
            assertEquals("word", body.select("p strong").text(), "bold inside a word stays bold");
            assertEquals(1, body.select("table").size());
            List<List<String>> rows = body.select("tr").stream().map(row -> row.select("th, td").stream()
                    .map(cell -> cell.select(".visually-hidden").isEmpty() ? cell.text() : cell.selectFirst("[aria-hidden]").text()).toList()).toList();
            assertEquals(List.of(List.of("Activity", "Staff | all", "Pupils"), List.of("Email | chat ! now", "✓", ""),
                    List.of("a|b", "// no", ":x: y"), List.of("* one", "!===", "✓")), rows);
            assertEquals(List.of("Introduction", "Who may use what"), body.select("h2").eachText());
        } finally {
            site.delete();
        }
    }

    @Test
    void thePageStillCarriesTheDocumentsStructure() throws IOException {
        String html = "<h1>Safeguarding Policy</h1><h2>2.1 Scope</h2><p>Staff <b>must</b> read <i>this</i> and "
                + "<a href=\"https://www.gov.uk/kcsie\">Keeping children safe</a>.</p><ul><li>First</li><li>Second * item</li></ul>"
                + "<ol><li>Step one</li><li>Step two</li></ol>";
        Path docx = project.document(Files.writeString(project.root.resolve("s.html"), html, StandardCharsets.UTF_8), "s.docx");
        PageImporter.Outcome outcome = project.importPage(docx, "t7-england", "safeguarding-policy", "en", "policy");
        String written = Files.readString(outcome.page());
        assertTrue(written.startsWith("= Safeguarding Policy\n:page-kind: policy\n:page-order: 1\n\n[[scope]]\n== Scope\n"), written);
        assertTrue(written.contains("Staff *must* read _this_ and https://www.gov.uk/kcsie[Keeping children safe]."), written);
        assertTrue(written.contains("* First\n* Second pass:c[*] item\n"), written);
        assertTrue(written.contains(". Step one\n. Step two"), written);
        assertEquals(List.of(), fidelityFindings(outcome), outcome.findings() + "\n" + written);
    }

    @Test
    void theDocumentsPropertiesAndATitleHeadingThatRepeatsThemAreNoDifference() throws IOException {
        Path html = Files.writeString(project.root.resolve("t.html"), "<h1>Internet Policy</h1><p>Staff read it.</p>", StandardCharsets.UTF_8);
        Path docx = project.document(html, "t.docx", "-M", "title=Internet Policy", "-M", "author=Tester Seven", "-M", "date=1 May 2026");
        PageImporter.Outcome outcome = project.importPage(docx, "t7-england", "internet-policy", "en", "policy");
        assertEquals(List.of(), fidelityFindings(outcome), outcome.findings() + "\n" + Files.readString(outcome.page()));
    }

    @Test
    void theCheckListsAWordLostAndATableSplitWithTheirLines() {
        String document = "<h1>Policy</h1><p>Staff must report concerns.</p><p>// Staff must never share passwords.</p>"
                + "<table><tr><td>Email | chat</td><td>✓</td><td></td></tr><tr><td>Mobile</td><td>✓</td><td>✓</td></tr></table>"
                + "<p>The fee is {blank} pounds.</p>";
        String page = String.join("\n", "= Policy", ":page-kind: policy", "", "Staff must report concerns.", "",
                "// Staff must never share passwords.", "", "[cols=\"1,1,1\"]", "|===", "|Email | chat |tick:[] |",
                "|Mobile |tick:[] |tick:[]", "|===", "", "The fee is {blank} pounds.", "");
        List<ImportFinding> findings = ImportFidelity.check(document, page, false);
        String all = findings.toString();
        assertTrue(findings.stream().anyMatch(f -> f.line() == 6 && f.message().contains("\"// Staff must never share passwords.\" are not on the page")), all);
        assertTrue(findings.stream().anyMatch(f -> f.line() == 9 && f.message().startsWith("row 1 of this table reads \"Email | chat | ✓\" on the page"
                + " and \"Email | chat | ✓ | \" in the document")), all);
        assertTrue(findings.stream().anyMatch(f -> f.line() == 14 && f.message().startsWith("the document's words \"{blank}\" are not on the page")), all);
        assertTrue(findings.stream().allMatch(f -> f.kind() == ImportFinding.Kind.CHECK), all);
    }

    @Test
    void aFaithfulPageGivesNoFindingEvenWithTicksNumbersAndApostrophes() {
        String document = "<h1>Policy</h1><h2>1. Scope</h2><p>• Staff don't share.</p><table><tr><td>Email</td><td>✔</td></tr>"
                + "<tr><td>Phones</td><td>✓</td></tr></table>";
        String page = String.join("\n", "= Policy", ":page-kind: policy", "", "[[scope]]", "== Scope", "", "* Staff don't share.", "",
                "|===", "|Email |tick:[]", "|Phones |tick:[]", "|===", "");
        assertEquals(List.of(), ImportFidelity.check(document, page, false));
    }

    @Test
    void eachRunIsEscapedForWhereItStands() {
        assertEquals("Staff must", AsciidocText.run("Staff must", true, false));
        assertEquals("pass:c[//]", AsciidocText.run("//", true, false));
        assertEquals("//", AsciidocText.run("//", false, false), "only a line's start makes a comment");
        assertEquals("pass:c[a\\]b]", AsciidocText.run("a]b", false, false));
        assertEquals("pass:c[C:]{backslash}", AsciidocText.run("C:\\", false, false));
        assertEquals("{backslash}pass:c[{name}]", AsciidocText.run("\\{name}", false, false), "no \\{ for the clean-up to take as a reference");
        assertEquals("Email \\| chat", AsciidocText.run("Email | chat", false, true));
        assertEquals("✓pass:c[*]", AsciidocText.run("✓*", false, true), "a tick stays out of the passthrough, for tick:[]");
        assertEquals("x**y**z", AsciidocText.escape(List.of("\uE000x\uE001*\uE000y\uE001*\uE000z\uE001")).get(0));
        assertEquals("* item and *bold*", AsciidocText.escape(List.of("* \uE000item and\uE001 *\uE000bold\uE001*")).get(0));
    }

    private static List<ImportFinding> fidelityFindings(PageImporter.Outcome outcome) {
        return outcome.findings().stream().filter(f -> f.kind() == ImportFinding.Kind.CHECK && !f.message().startsWith("the document has no title")
                && !f.message().contains("\" in braces:")).toList();
    }

    /** The names in braces the import listed, each checked to be at a line of the page that holds it (or at {@code line}). */
    private static List<String> braced(PageImporter.Outcome outcome, String written, int line) {
        List<String> lines = List.of(written.split("\n", -1));
        return outcome.findings().stream().filter(f -> f.message().contains("\" in braces:")).map(f -> {
            String name = f.message().substring("the document has \"".length(), f.message().indexOf("\" in braces:"));
            assertTrue(line < 0 ? lines.get(f.line() - 1).contains(name) : f.line() == line, f + "\n" + written);
            return name;
        }).toList();
    }

    private static List<String> errors(Fixtures.BakedSite site) {
        return site.result().errors().stream().map(p -> p.code() + ":" + p.line()).toList();
    }
}
