package org.polisi.site.history;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {
    private static final Comparison.Words WORDS = new Comparison.Words("added", "removed", "Section added.",
            "Section removed.", "Section changed.", "Opening text");

    private static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    private static String sect(String id, String title, String paragraphs) {
        return "<div class=\"sect1\"><h2 id=\"" + id + "\">" + title + "</h2><div class=\"sectionbody\">" + paragraphs + "</div></div>";
    }

    @Test
    void removedSectionsStayWhereTheyWere() {
        Element before = body("<div class=\"paragraph\"><p>Intro</p></div>" + sect("a", "A", "<p>a</p>")
                + sect("b", "B", "<p>b</p>") + sect("c", "C", "<p>c</p>"));
        Element after = body("<div class=\"paragraph\"><p>Intro</p></div>" + sect("a", "A", "<p>a</p>")
                + sect("c", "C", "<p>c!</p>") + sect("d", "D", "<p>d</p>"));
        List<Comparison.Outcome> outcomes = Comparison.compare(before, after, WORDS);
        assertEquals(List.of("Opening text UNCHANGED", "A UNCHANGED", "B REMOVED", "C CHANGED", "D ADDED"),
                outcomes.stream().map(o -> o.title() + " " + o.kind()).toList());
    }

    @Test
    void blocksAddedOrRemovedInsideASectionAreWhole() {
        Element before = body(sect("a", "A", "<p>one</p><p>two</p>"));
        Element after = body(sect("a", "A", "<p>one</p><ul><li><p>new item</p></li></ul><p>two</p>"));
        Element html = body(Comparison.compare(before, after, WORDS).get(0).html());
        assertEquals(List.of("added: new item"), html.select("ins").eachText());
        assertTrue(html.select("del").isEmpty());
        assertEquals(List.of("Section changed.", "one", "added: new item", "two"), html.select("p").eachText());
    }

    @Test
    void wordsAreEscapedAndAnnouncedInThePageLanguage() {
        Comparison.Words welsh = new Comparison.Words("ychwanegwyd", "tynnwyd", "", "", "", "");
        String html = Comparison.words("Pupils use <b> tags", "Pupils use <i> tags", welsh);
        assertEquals("Pupils use <del><span class=\"visually-hidden\">tynnwyd: </span>&lt;b&gt;</del> "
                + "<ins><span class=\"visually-hidden\">ychwanegwyd: </span>&lt;i&gt;</ins> tags", html);
    }

    @Test
    void changesSeparatedOnlyBySpacesReadAsOne() {
        Element marks = body(Comparison.words("we ask every pupil to", "we ask each child to", WORDS));
        assertEquals(List.of("removed: every pupil"), marks.select("del").eachText());
        assertEquals(List.of("added: each child"), marks.select("ins").eachText());
    }

    @Test
    void droppingTheRemovalsGivesTheCurrentTextAndDroppingTheAdditionsTheEarlierOne() {
        String[][] pairs = {
                {"kindly and safely.", "kindly, safely and fairly."},
                {"Parents sign the agreement when their child joins.", "Parents and carers sign it each September."},
                {"", "All new."},
                {"All gone.", ""},
        };
        for (String[] pair : pairs) {
            String html = Comparison.words(pair[0], pair[1], WORDS);
            assertEquals(pair[1], read(html, "del", "ins"), html);
            assertEquals(pair[0], read(html, "ins", "del"), html);
        }
    }

    /** The text with every {@code drop} element removed and every {@code keep} element's own words kept. */
    static String read(String html, String drop, String keep) {
        Element marks = body(html);
        marks.select(drop).remove();
        marks.select(keep + " > span.visually-hidden").remove();
        return marks.wholeText().replaceAll("\\s+", " ").strip();
    }
}
