package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.polisi.site.content.SourceLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@link LanguageParity} reads of a page in its one pass (docs/adr/0090): the lines each
 * pattern is tried on are those holding its marker text, and it finds what trying every pattern
 * on every line found.
 */
class LanguageParityElementsTest {
    private static final Path FILE = Path.of("content/schools/hillside/en/page.adoc");

    private static List<SourceLine> body(String... lines) {
        List<SourceLine> body = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            body.add(new SourceLine(lines[i], FILE, i + 1));
        }
        return List.copyOf(body);
    }

    private static List<Integer> numbers(java.util.Collection<SourceLine> lines) {
        return lines.stream().map(SourceLine::number).toList();
    }

    @Test
    void formsAreFoundAloneOnTheirLineIndentedOrNotAndNeverInComments() {
        LanguageParity.Elements found = LanguageParity.elementsOf(body(
                "form::consent[]",
                "   form::photos[role=wide]  ",
                "// form::commented[]",
                "   // form::indented-comment[]",
                "Fill in form::inline[] here.",
                "form::consent[]",
                "form::broken",
                "\tform::tabbed[]"));

        assertEquals(List.of("consent", "photos", "tabbed"), List.copyOf(found.forms().keySet()));
        assertEquals(List.of(1, 2, 8), numbers(found.forms().values()), "the first line of each");
    }

    @Test
    void linksToPagesAreFoundAnywhereOnALineButNotEscapedOrInsideAWord() {
        LanguageParity.Elements found = LanguageParity.elementsOf(body(
                "See xref:appendix-a.adoc[Appendix A] and xref:appendix-b.adoc#rules[its rules].",
                "Not \\xref:escaped.adoc[this], nor axref:word.adoc[that].",
                "xref:appendix-a.adoc[again]",
                "// xref:commented.adoc[no]",
                "An xref:Upper.adoc[upper-case key] is no page key; xref:other.adoc[another] is.",
                "A plain line that links nowhere."));

        assertEquals(List.of("appendix-a", "appendix-b", "other"), List.copyOf(found.links().keySet()));
        assertEquals(List.of(1, 1, 5), numbers(found.links().values()));
    }

    @Test
    void everyInformativeImageIsCountedAtItsLineDecorativeOnesAreNot() {
        LanguageParity.Elements found = LanguageParity.elementsOf(body(
                "image::poster.png[The poster]",
                "Two icons: image:a.png[Tick] and image:b.png[Cross].",
                "image::border.png[\"\"]",
                "image::divider.png[Divider,role=presentation]",
                "image::no-alt.png[]",
                "image::sized.png[width=200]",
                "// image::commented.png[Hidden]",
                "\\image::escaped.png[Escaped]",
                "An image:: without a target."));

        assertEquals(List.of(1, 2, 2), numbers(found.images()), "one entry per image, so a line with two counts twice");
        assertEquals(List.of(), LanguageParity.elementsOf(body("No pictures, links or forms here.", "")).images());
    }

    /** Tester 4's fault 6: the short form and a link to the built page are links to pages too. */
    @Test
    void linksWrittenInEachOfAsciidocsThreeWaysAreFoundEscapedOnesAreNot() {
        LanguageParity.Elements found = LanguageParity.elementsOf(body(
                "See <<appendix-d.adoc#,Appendix D>> for photographs.",
                "Also link:withdraw-consent.html[withdraw consent] and <<rules.adoc>>.",
                "Or <<staff.adoc#duties,their duties>> and link:./visits.html#times[visiting times].",
                "Not \\<<escaped.adoc#,this>>, nor \\link:escaped-too.html[that], nor alink:word.html[this].",
                "A site elsewhere: link:https://example.org/page.html[not ours], <<section-id>> an anchor on this page.",
                "// <<commented.adoc#,no>> link:commented.html[no]"));

        assertEquals(List.of("appendix-d", "withdraw-consent", "rules", "staff", "visits"), List.copyOf(found.links().keySet()));
        assertEquals(List.of(1, 2, 2, 3, 3), numbers(found.links().values()));
    }
}
