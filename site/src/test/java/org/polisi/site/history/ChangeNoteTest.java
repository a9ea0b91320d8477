package org.polisi.site.history;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeNoteTest {
    @Test
    void readsTheAttributeAndTheComment() {
        assertEquals("Added a section on devices.", ChangeNote.in("= T\n:change-note: Added a section on devices.\n\nText\n").text());
        assertEquals("Ychwanegwyd adran.", ChangeNote.in("= T\n\n// polisi: change-note Ychwanegwyd adran.\nTestun\n").text());
        assertEquals("Tidied.", ChangeNote.in("//polisi:change-note   Tidied.  \n").text());
    }

    @Test
    void theLastNoteWinsAndNoNoteIsBlank() {
        assertEquals("second", ChangeNote.in(":change-note: first\n// polisi: change-note second\n").text());
        assertTrue(ChangeNote.in("= T\n\n// polisi: replace roles\n").isBlank());
        assertTrue(ChangeNote.in(null).isBlank());
        assertTrue(ChangeNote.in("// polisi: change-notes are not this\n").isBlank(), "only the whole word");
    }

    @Test
    void minorIsTheFirstWord() {
        assertTrue(ChangeNote.in(":change-note: minor").isMinor());
        assertTrue(ChangeNote.in(":change-note: Minor: typing error").isMinor());
        assertTrue(ChangeNote.in("// polisi: change-note minor - spaces").isMinor());
        assertFalse(ChangeNote.in(":change-note: minors now need consent").isMinor());
        assertFalse(ChangeNote.in(":change-note: A minor change to who signs").isMinor());
    }

    @Test
    void whitespaceAndNotesAloneAreNotAChange() {
        assertFalse(ChangeNote.differsBeyondWhitespace("= T\n\nOne  two\nthree\n", "= T\n:change-note: x\n\nOne two three\n"));
        assertTrue(ChangeNote.differsBeyondWhitespace("= T\n\nOne two\n", "= T\n\nOne, two\n"));
        assertTrue(ChangeNote.differsBeyondWhitespace(null, "= T\n"));
    }
}
