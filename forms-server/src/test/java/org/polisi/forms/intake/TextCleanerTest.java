package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void markupIsRemovedAndEntitiesBecomeCharacters() {
        assertEquals("Robert", TextCleaner.line("<script>alert(1)</script>Robert"));
        assertEquals("bold & more", TextCleaner.line("<b>bold</b> &amp; <i>more</i>"));
        assertEquals("a < b", TextCleaner.line("a < b"));
        assertEquals("Robert'); DROP TABLE submission;--", TextCleaner.line("Robert'); DROP TABLE submission;--"));
    }

    @Test
    void oneLineCollapsesWhitespaceAndSeveralLinesKeepTheirBreaks() {
        assertEquals("Siân Jones", TextCleaner.line("  Siân \n Jones\t"));
        assertEquals("first line\nsecond line", TextCleaner.lines("first line   \r\nsecond line\u0007"));
    }

    @Test
    void welshLettersTypedTwoWaysAreOneValue() {
        assertEquals("Siân", TextCleaner.line("Sia\u0302n"));
    }

    @Test
    void textWithoutTagsOrEntitiesSkipsJsoupAndComesOutAsJsoupWouldGiveIt() {
        // Everything but '<' and '&': quotes, '>', no-break spaces, a BOM, line and paragraph
        // separators, tabs, Welsh letters, an emoji's surrogate pair, and a lone surrogate.
        String alphabet = "abc XYZ 09\"'>=;:/\\#%+?\t\n\u00A0\uFEFF\u2028\u2029ŵŷâêîôûẁẃẅỳýÿ\uD83D\uDE00\uD800é";
        Random random = new Random(20261122);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String typed = text.toString();
            assertEquals(TextCleaner.cleanedByJsoup(typed), TextCleaner.withoutMarkup(typed), () -> "for " + typed.codePoints()
                    .mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void textWithATagOrAnEntityStillGoesThroughJsoup() {
        assertEquals("x", TextCleaner.withoutMarkup("<b>x</b>"));
        assertEquals("é", TextCleaner.withoutMarkup("&eacute;"));
    }
}
