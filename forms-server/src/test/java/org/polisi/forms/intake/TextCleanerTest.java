package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
