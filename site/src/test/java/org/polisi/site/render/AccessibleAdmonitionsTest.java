package org.polisi.site.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five admonitions, in both languages, are notes that start with their caption, not data tables. */
class AccessibleAdmonitionsTest {
    private static Fixtures.BakedSite site;

    @BeforeAll
    static void bake() {
        site = Fixtures.bake(Fixtures.content("admonitions"), List.of("notes"));
    }

    @AfterAll
    static void cleanUp() {
        site.delete();
    }

    @Test
    void theFixtureBuildsStrictly() {
        assertEquals(List.of(), site.result().errors());
    }

    @Test
    void everyAdmonitionIsANoteWhoseLayoutTableIsPresentation() {
        for (String language : List.of("en", "cy")) {
            Document page = site.page("notes/" + language + "/policy.html");
            List<Element> notes = page.select(".body .admonitionblock");
            assertEquals(List.of("note", "tip", "important", "warning", "caution"),
                    notes.stream().map(n -> n.classNames().stream().filter(c -> !c.equals("admonitionblock")).findFirst().orElse("")).toList());
            for (Element note : notes) {
                assertEquals("note", note.attr("role"), note.outerHtml());
                assertEquals("presentation", note.selectFirst("table").attr("role"), note.outerHtml());
                assertTrue(note.selectFirst("td.icon .title").hasText(), "a caption in words: " + note.outerHtml());
            }
            assertEquals(2, notes.get(4).select("li").size(), "block content stays structured");
        }
    }

    @Test
    void theThemeStylesEveryKind() throws Exception {
        String css = java.nio.file.Files.readString(Fixtures.theme().resolve("assets/polisi.css"));
        for (String kind : List.of(".admonitionblock {", ".admonitionblock.tip", ".admonitionblock.important", ".admonitionblock.warning", ".admonitionblock.caution")) {
            assertTrue(css.contains(kind), kind);
        }
    }
}
