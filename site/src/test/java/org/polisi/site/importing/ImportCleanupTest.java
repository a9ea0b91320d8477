package org.polisi.site.importing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clean-up of pandoc's AsciiDoc, on text as pandoc writes it (no pandoc needed). */
class ImportCleanupTest {

    @Test
    void typedHeadingNumbersGoAndOtherNumbersStay() {
        assertEquals("Introduction", Headings.withoutNumber("1. Introduction"));
        assertEquals("Scope", Headings.withoutNumber("1.1 Scope"));
        assertEquals("Scope", Headings.withoutNumber("2.3.4. Scope"));
        assertEquals("Roles", Headings.withoutNumber("a) Roles"));
        assertEquals("Roles", Headings.withoutNumber("iv. Roles"));
        assertEquals("2023 review", Headings.withoutNumber("2023 review"));
        assertEquals("10 steps to safety", Headings.withoutNumber("10 steps to safety"));
    }

    @Test
    void idsAreLowerCaseAsciiWordsAndWelshLettersLoseTheirAccents() {
        assertEquals("development-monitoring-and-review", Headings.slug("Development, Monitoring & Review"));
        assertEquals("rol-a-chyfrifoldebau", Headings.slug("Rôl a Chyfrifoldebau"));
        assertEquals("section", Headings.slug("✓"));
    }

    @Test
    void headingsGetIdsTheTopLevelBecomesTwoEqualsAndRepeatsStayUnique() {
        ImportCleanup.Result result = clean("=== 1. Scope", "", "text", "", "==== 1.1 Who", "", "=== 2. Scope");
        assertEquals(List.of("[[scope]]", "== Scope", "", "text", "", "[[who]]", "=== Who", "", "[[scope-2]]", "== Scope"), result.body());
        assertEquals(List.of("scope", "who", "scope-2"), result.ids());
    }

    @Test
    void aTranslationTakesTheEnglishIdsInOrder() {
        List<String> ids = new ArrayList<>();
        List<String> body = Headings.apply(List.of("== Cwmpas", "", "=== Pwy"), List.of("scope", "who-it-covers"), ids);
        assertEquals(List.of("[[scope]]", "== Cwmpas", "", "[[who-it-covers]]", "=== Pwy"), body);
    }

    @Test
    void wordsContentsListAndBookmarksAreLeftOut() {
        ImportCleanup.Result result = clean("== Contents", "", "link:#_Toc1[1. Introduction 3]", "",
                "link:#_Toc2[2. Scope 4]", "", "== [[_Toc1]]1. Introduction", "", "Text[[_GoBack]].");
        assertTrue(result.removedWordContents());
        assertEquals(List.of("[[introduction]]", "== Introduction", "", "Text."), result.body());
    }

    @Test
    void anAttributeReferencePandocEscapedIsAReferenceAgainButNotInLiteralBlocks() {
        ImportCleanup.Result result = clean("Welcome to \\{school-name}, led by \\{headteacher}.", "", "|===",
                "|Contact |\\{online-safety-coordinator}", "|===", "", "....", "\\{school-name}", "....", "", "A set \\{1, 2}.");
        String text = String.join("\n", result.body());
        assertTrue(text.contains("Welcome to {school-name}, led by {headteacher}."), text);
        assertTrue(text.contains("|Contact |{online-safety-coordinator}"), text);
        assertTrue(text.contains("....\n\\{school-name}\n...."), "a literal block is left as written: " + text);
        assertTrue(text.contains("A set \\{1, 2}."), "braces that are no reference stay escaped: " + text);
    }

    @Test
    void ticksBecomeTheTickMacroEverywhereButInLiteralBlocks() {
        ImportCleanup.Result result = clean("|===", "|Phones |✓ |✔", "|Tablets |☑ |", "|===", "", "Done ✓", "", "....", "✓", "....");
        String text = String.join("\n", result.body());
        assertEquals(4, text.split("tick:\\[]", -1).length - 1, text);
        assertTrue(text.contains("....\n✓\n...."));
    }

    @Test
    void typedBulletsBecomeListsAndACellWithAListBecomesAnAsciidocCell() {
        ImportCleanup.Result result = clean("• first", "", "• second", "", "[cols=\"40%,60%\",options=\"header\",]", "|===",
                "|Rule |Who", "|Passwords |• staff", "• pupils", "|===");
        assertEquals(List.of("* first", "", "* second", "", "[cols=\"40,60\",options=\"header\"]", "|===", "|Rule |Who", "",
                "|Passwords", "a|", "* staff", "* pupils", "|==="), result.body());
    }

    @Test
    void aTickGridOrBoldLabelsMakeAHeaderColumnAndOtherTablesDoNot() {
        assertTrue(clean("|===", "|A |B", "|Phones |✓", "|Tablets |", "|===").body().get(0).contains("cols=\"1h,1\""));
        assertTrue(clean("|===", "|*Who* |office", "|*When* |9am", "|===").body().get(0).contains("cols=\"1h,1\""));
        assertFalse(clean("|===", "|Who |office", "|When |9am", "|===").body().get(0).contains("h"));
        assertFalse(clean("|===", "| |✓", "|Tablets |✓", "|===").body().get(0).contains("h"), "an empty label is no header column");
    }

    @Test
    void aBoldFirstRowIsAHeaderRow() {
        assertEquals("[cols=\"1,1\",options=\"header\"]", clean("|===", "|*Who* |*When*", "|Office |9am", "|===").body().get(0));
        assertEquals("[cols=\"1,1\"]", clean("|===", "|*Who* |When", "|Office |9am", "|===").body().get(0), "one plain cell: no header");
        assertEquals("[cols=\"1,1\"]", clean("|===", "|*Who* |*When*", "|===").body().get(0), "a table of one row has no header");
    }

    @Test
    void blanksAndEmptyTablesAreFormCandidatesAtTheirFileLine() {
        ImportCleanup.Result result = clean("== Agreement", "", "Signed: ______ Date: ____", "", "Llofnod: ........................", "",
                "[cols=\"50%,50%\",options=\"header\",]", "|===", "|Date |Name", "| |", "| |", "|===", "", "☐ I agree");
        List<ImportFinding> forms = result.findings().stream().filter(f -> f.kind() == ImportFinding.Kind.FORM_CANDIDATE).toList();
        // The body starts at line 10 of the file; the heading gained an id line, the header row a blank line after it.
        assertEquals(List.of(13, 15, 18, 25), forms.stream().map(ImportFinding::line).toList());
        assertTrue(forms.stream().allMatch(f -> f.place().equals("Agreement")));
        assertTrue(forms.get(2).message().contains("2 empty rows"));
    }

    @Test
    void imagesAreStoredByNameAndEachNeedsAltText() {
        List<String> asked = new ArrayList<>();
        ImportCleanup.ImageStore store = target -> {
            asked.add(target);
            return target.contains(":") ? Optional.empty() : Optional.of("policy-" + asked.size() + ".png");
        };
        ImportCleanup.Result result = ImportCleanup.apply(List.of("image:media/rId7.png[image]", "", "Logo image:media/a.png[School logo] here",
                "", "image:data:image/svg+xml;base64,AAAA[image]", "", "image:https://example.org/logo.png[Logo]"), List.of(), store, 1);
        assertEquals("image::policy-1.png[]", result.body().get(0));
        assertEquals("Logo image:policy-2.png[School logo] here", result.body().get(2));
        List<ImportFinding> findings = result.findings();
        assertEquals(ImportFinding.Kind.ALT_TEXT, findings.get(0).kind());
        assertTrue(findings.get(1).message().contains("\"School logo\""), findings.get(1).message());
        assertEquals(ImportFinding.Kind.NOT_CONVERTED, findings.get(2).kind());
        assertEquals(ImportFinding.Kind.NOT_CONVERTED, findings.get(3).kind(), "a web image is neither fetched nor kept quiet");
        assertEquals(List.of("media/rId7.png", "media/a.png", "https://example.org/logo.png"), asked);
        assertEquals("image::https://example.org/logo.png[Logo]", result.body().get(6));
    }

    @Test
    void whatCouldNotBeConvertedIsReportedAndItsMarkerRemoved() {
        ImportCleanup.Result result = clean("== Map", "", "// polisi-import: not converted (html): <iframe src=\"x\">", "",
                "Text \u27E6polisi-import: html: <input name=\"a\">\u27E7 more.");
        assertEquals(2, result.findings().size());
        assertEquals("Text  more.", result.body().get(5));
        assertEquals("(html): <input name=\"a\">", result.findings().get(1).message());
        assertEquals(15, result.findings().get(1).line());
    }

    @Test
    void aLinkToAWordBookmarkBecomesItsTextAndIsReported() {
        ImportCleanup.Result result = clean("See link:#_Ref12345[the flowchart] below.");
        assertEquals("See the flowchart below.", result.body().get(0));
        assertEquals(ImportFinding.Kind.CHECK, result.findings().get(0).kind());
        assertEquals(10, result.findings().get(0).line());
    }

    @Test
    void aLinkThatRunsCodeKeepsItsWordsAndIsListedAtItsLine() {
        // pandoc's AsciiDoc for tester 5's page (fault 6) as polisi-import.lua marks its links: <a href="javascript:alert(1)">Click</a>,
        // JAVASCRIPT&#58;, vbscript:, data:, file:, an ordinary link, a javascript: address written as text, and tester 6's N4:
        // the scheme behind a leading space and a tab, a newline (pandoc percent-encodes both), a carriage return, an entity
        String text = String.join("\n", "== Phones", "", "Pupils must hand in phones. " + link("javascript:alert(1)", "Click") + " and",
                link("JAVASCRIPT:alert(2)", "this") + ", " + link("vbscript:x", "vb") + ", " + link("data:text/html,hi", "d") + ",",
                link("file:///etc/passwd", "f") + ", " + link("https://example.org/", "ok") + ", javascript:void(0).", "",
                "See " + link("%20java%09script:alert(3)", "y polisi") + ", " + link("%0Ajavascript:alert(4)", "nl") + ", "
                        + link("java%0Dscript:x", "cr") + ", " + link("java&#115;cript:x", "entity") + " and the profile:x[not a scheme].");
        ImportCleanup.Result result = clean(ImportLinks.apply(text).split("\n", -1));
        assertEquals(List.of("== Phones", "", "Pupils must hand in phones. Click and", "this, vb, d,",
                "f, https://example.org/[ok], javascript:void(0).", "", "See y polisi, nl, cr, entity and the profile:x[not a scheme]."),
                result.body().subList(1, result.body().size()), result.body().toString());
        List<String> said = result.findings().stream().map(f -> f.line() + " " + f.kind() + " " + f.place()).toList();
        assertEquals(List.of("13 NOT_CONVERTED Phones", "14 NOT_CONVERTED Phones", "14 NOT_CONVERTED Phones", "14 NOT_CONVERTED Phones",
                "15 NOT_CONVERTED Phones", "15 CHECK Phones", "17 NOT_CONVERTED Phones", "17 NOT_CONVERTED Phones",
                "17 NOT_CONVERTED Phones", "17 NOT_CONVERTED Phones"), said, result.findings().toString());
        assertTrue(result.findings().get(0).message().startsWith("the link \"Click\" to a javascript: address"),
                result.findings().get(0).message());
        assertTrue(result.findings().get(5).message().contains("\"javascript:void(0).\" is a javascript: address written as text"),
                result.findings().get(5).message());
        assertTrue(result.findings().get(6).message().startsWith("the link \"y polisi\" to a javascript: address"),
                result.findings().get(6).message());
    }

    @Test
    void aLinksWordsAreWrittenSoThatAsciidocShowsThemAsTheyAre() {
        // every character AsciiDoc reads as markup in a link's text becomes a character reference; the rest is left as typed
        assertEquals("the &#91;draft&#93; policy", ImportLinks.escaped("the [draft] policy"));
        assertEquals("&#42;a&#42; &#95;b&#95; &#35;c&#35; &#96;d&#96; &#94;e&#94; &#126;f&#126; &#43;g&#43; &#123;h i} &#123;} &#92; &#124;",
                ImportLinks.escaped("*a* _b_ #c# `d` ^e^ ~f~ +g+ {h i} {} \\ |"));
        // a reference the author typed stays one, as in the rest of the document's text (ImportCleanup.ESCAPED_REFERENCE)
        assertEquals("About {school-name}", ImportLinks.escaped("About {school-name}"));
        assertEquals("&#60;<x>> a < b, Health & Safety, &#38;&#35;42; &#38;amp;", ImportLinks.escaped("<<x>> a < b, Health & Safety, &#42; &amp;"));
        assertEquals("Welsh: Polisi’r ysgol (2024).", ImportLinks.escaped("Welsh: Polisi’r ysgol (2024)."));
        // the link itself: an address that would end the macro is percent-encoded, a bare address stays bare
        assertEquals("See https://example.org/a%5Bb%5D[x] and https://example.org/c and https://example.org/d[the &#95;d&#95;].",
                ImportLinks.apply("See " + link("https://example.org/a[b]", "x") + " and " + link("https://example.org/c", "https://example.org/c")
                        + " and " + link("https://example.org/d", "the _d_") + "."));
        assertEquals("wordlink:https://example.org/q[inside]word", ImportLinks.apply("word" + link("https://example.org/q", "inside") + "word"));
    }

    /** A link as polisi-import.lua hands it over: the address and each word hex-encoded between markers. */
    private static String link(String target, String words) {
        StringBuilder text = new StringBuilder("\u27E6polisi-link " + ImportLinks.hex(target) + "\u27E7");
        for (String word : words.split("(?<= )|(?= )")) {
            text.append("\u27E6polisi-words ").append(ImportLinks.hex(word)).append("\u27E7");
        }
        return text.append("\u27E6/polisi-link\u27E7").toString();
    }

    private static ImportCleanup.Result clean(String... lines) {
        return ImportCleanup.apply(new ArrayList<>(Arrays.asList(lines)), List.of(), target -> Optional.empty(), 10);
    }
}
