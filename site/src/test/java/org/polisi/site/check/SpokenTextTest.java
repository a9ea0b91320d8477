package org.polisi.site.check;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.theme.Messages;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** English interface words where a Welsh page's browser or screen reader speaks them are found. */
class SpokenTextTest {
    private final SpokenText welsh = new SpokenText(Messages.load(Fixtures.theme().resolve("i18n"), "en"),
            Messages.load(Fixtures.theme().resolve("i18n"), "cy"));

    @Test
    void englishInAnAttributeAButtonOrTheTitleIsFound() {
        List<String> found = welsh.findIn(Jsoup.parse("<html lang=\"cy\"><head><title>Contents – Ysgol</title></head><body>"
                + "<nav aria-label=\"Breadcrumb\"></nav><img alt=\"Print this page\" src=\"x.png\">"
                + "<button>Send</button><input type=\"submit\" value=\"Accept and send\"></body></html>"));
        assertEquals(5, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("<title> 'Contents'")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("check.send.agreement")), found.toString());
    }

    @Test
    void aMessageWithPlaceholdersIsFoundWhateverFillsThem() {
        List<String> found = welsh.findIn(Jsoup.parse("<html lang=\"cy\"><body><a title=\"Appendix C: Parent agreement\">C</a></body></html>"));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("is the English of page.appendix"), found.toString());
    }

    @Test
    void welshAndDeliberateEnglishAreNotFound() {
        assertEquals(List.of(), welsh.findIn(Jsoup.parse("<html lang=\"cy\"><head><title>Cynnwys – Ysgol</title></head><body>"
                + "<nav aria-label=\"Briwsion bara\"></nav><a lang=\"en\" hreflang=\"en\" title=\"English\">English</a>"
                + "<button>Anfon</button></body></html>")));
    }
}
