package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.polisi.site.content.SourceLine;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's meta description: its :description:, or its first real paragraph as plain text, at most 160 characters. */
class PageDescriptionTest {

    private static List<SourceLine> body(String... lines) {
        return Arrays.stream(lines).map(line -> new SourceLine(line, null, 0)).toList();
    }

    @Test
    void aDeclaredDescriptionWins() {
        assertEquals("What the school does online.", PageDescription.of("What the school does online.",
                body("This is the first paragraph of the page, long enough to describe it.")));
    }

    @Test
    void theFirstParagraphOfEightWordsOrMoreAsPlainText() {
        List<SourceLine> page = body("[[intro]]", "== Introduction", "", "Nurture the Child, Nurture the Learner", "",
                "[NOTE]", "====", "A note is not a description of the page at all, however long.", "====", "",
                "The *school* follows xref:appendix-c.adoc[the parent agreement] and policy:anti-bullying-policy[anti-bullying policy]",
                "across two lines.footnote:[A footnote.] tick:[]", "", "A later paragraph.");
        assertEquals("The school follows the parent agreement and anti-bullying policy across two lines.",
                PageDescription.of("", page));
    }

    @Test
    void aLongParagraphIsCutAtAWordWithAnEllipsis() {
        String word = "policy ";
        String description = PageDescription.of("", body(word.repeat(60)));
        assertTrue(description.length() <= PageDescription.MAX_CHARACTERS, description);
        assertTrue(description.endsWith("policy…"), description);
    }

    @Test
    void attributeReferencesAreReplacedBeforeTheLengthIsCounted() {
        String description = PageDescription.of("", body("At {school-name}, we believe that the Internet and other "
                + "digital technologies are very powerful resources which can enhance and potentially transform teaching "
                + "and learning when used well."), name -> name.equals("school-name") ? "Aberford C of E Primary School" : null);
        assertTrue(description.startsWith("At Aberford C of E Primary School, we believe"), description);
        assertTrue(description.length() <= PageDescription.MAX_CHARACTERS, description.length() + ": " + description);
    }

    @Test
    void aPageWithoutAParagraphHasNone() {
        assertEquals("", PageDescription.of("", body("= Title", "", "form::incident-report[]")));
    }
}
