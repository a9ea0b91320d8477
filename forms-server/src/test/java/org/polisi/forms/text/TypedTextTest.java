package org.polisi.forms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "He said he would meet her <Oct 20th behind the shop. Police informed.",
        "Pupil wrote <you are dead> in chat",
        "Ann <Bee> Jones",
        "if a<b and c>d",
        "Tom &amp; Jerry",
        "</textarea><script>alert(1)</script>",
        "javascript:alert(1)",
        "  two spaces either side  ",
        "Diolch yn fawr 🙂 — Siân’s “quote”",
        "line one <word\nline two\n  indented",
    })
    void textIsKeptExactlyAsTyped(String typed) {
        assertEquals(typed, TypedText.normalise(typed));
    }

    @Test
    void decomposedTextIsComposed() {
        String nfd = Normalizer.normalize("Ŵyn Llŷr, Nguyễn, Gwenllïan", Normalizer.Form.NFD);
        assertEquals("Ŵyn Llŷr, Nguyễn, Gwenllïan", TypedText.normalise(nfd));
    }

    @Test
    void controlCharactersAreRemovedTabTooButLineBreaksStay() {
        assertEquals("abc\nd\ne\nf", TypedText.normalise("a\u0000b\tc\r\nd\re\nf\u0007"));
        assertEquals("=1+1", TypedText.normalise("\t=1+1"), "tester 2, finding 13: a tab is a control character");
        assertEquals("a\tb\nc", TypedText.normaliseTable("a\tb\r\nc\u0007"), "a pasted table keeps its column tabs");
        assertEquals("DEL and C1 go", TypedText.normalise("DEL\u007F and C1\u0085\u009B go"));
        assertEquals("\u200B\u202Ekept", TypedText.normalise("\u200B\u202Ekept"), "format characters are kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u200B", "\u2060", "\uFEFF", "\u200D", "\u00AD", "\u0301", "\u202E",
        "\u200E\u200F", "\u3164", "\u115F", "\u1160", "\uFFA0", "\u2800", "\u3000", "\u00A0", "\u200B \u0301\u2060",
        "\uFE0F", "\u034F"})
    void answersOfInvisibleCharactersAreEmpty(String typed) {
        assertFalse(TypedText.hasVisibleCharacter(TypedText.normalise(typed)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "\u202EAnn", "ŵ", "😀", "-", ".", "李", "\u0645"})
    void anyVisibleCharacterMakesAnAnswer(String typed) {
        assertTrue(TypedText.hasVisibleCharacter(typed));
    }

    @Test
    void loneSurrogatesAreFoundAndPairsAreNot() {
        assertTrue(TypedText.hasLoneSurrogate("Si\uD800n"));
        assertTrue(TypedText.hasLoneSurrogate("\uDC00"));
        assertFalse(TypedText.hasLoneSurrogate("🙂 fine"));
    }

    @Test
    void typedTextIsIsolatedInsideOurOwnPlainText() {
        // isolated, and its own override shown as a code point so it cannot reverse the name (ADR 0061)
        assertEquals("\u2068[U+202E]Ann\u2069", DisplayText.isolated("\u202EAnn"));
        assertEquals("\u2068Ann Reference: X\u2069", DisplayText.isolatedLine("Ann\nReference: X"));
    }
}
