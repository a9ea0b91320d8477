package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.OptionsBuilder;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page handed to Ruby as its UTF-8 bytes ({@link RubyDocuments}) is the document AsciidoctorJ's
 * own {@code load} makes of the same text: the same HTML, title and header attributes, for Welsh
 * letters, characters outside the Basic Multilingual Plane, an attribute the header defines and
 * one it does not (docs/adr/0086). And the HTML's postprocessing, now run after the conversion,
 * still marks admonitions and rewrites tables.
 */
class RubyDocumentsTest {
    private static final Map<String, Object> OPTIONS = OptionsBuilder.options().safe(SafeMode.SECURE).headerFooter(false).asMap();

    private static final List<String> SOURCES = List.of(
            "= Polisi Diogelu\n:lang: cy\n:ysgol: Ysgol Gymraeg Pen-y-bryn – ŵ ŷ â\n:t-note: Nodyn\n\n"
                    + "== Adran 1\n\nMae {ysgol} yn cadw plant yn ddiogel. 😀 𝒜 “dyfynodau” — ‘a’ & <b>\n\n"
                    + "NOTE: Nodyn pwysig ä ö ü.\n\n|===\n| Enw | Rôl\n| Siân | Pennaeth\n|===\n\nA {missing} reference.\n",
            "= Plain\n\nASCII only.\n",
            "= Empty body\n:description: nothing below\n");

    @Test
    void theBytesGiveTheDocumentAsciidoctorJsOwnLoadGives() {
        Asciidoctor asciidoctor = AsciidocConverter.instance();
        for (String source : SOURCES) {
            Document ours = RubyDocuments.load(asciidoctor, source, OPTIONS);
            Document theirs = asciidoctor.load(source, OPTIONS);
            assertEquals(theirs.getDoctitle(), ours.getDoctitle(), source);
            assertEquals(theirs.getAttribute("ysgol"), ours.getAttribute("ysgol"), source);
            assertEquals(theirs.getAttribute("description"), ours.getAttribute("description"), source);
            assertEquals(theirs.convert(), ours.convert(), source);
        }
        assertTrue(RubyDocuments.load(asciidoctor, SOURCES.get(0), OPTIONS).convert().contains("Ysgol Gymraeg Pen-y-bryn – ŵ ŷ â yn cadw plant"),
                "the Welsh letters arrive whole");
    }

    @Test
    void thePostprocessingMarksAdmonitionsAndRewritesTables() {
        String html = AsciidocConverter.postprocessed(RubyDocuments.load(AsciidocConverter.instance(),
                "= T\n\nNOTE: A note.\n\n[cols=\"1,1,1\",options=header]\n|===\n| A | B | C\n| 1 | 2 | 3\n|===\n", OPTIONS).convert());
        assertTrue(html.contains("role=\"note\""), html);
        assertTrue(html.contains("<table role=\"presentation\">"), html);
        assertTrue(html.contains("table--stack") && html.contains("data-label=\"B\""), html);
        assertTrue(!html.contains("style=\""), "no inline style is left: " + html);
        assertEquals(html, AsciidocConverter.postprocessed(html), "postprocessing twice changes nothing");
    }
}
