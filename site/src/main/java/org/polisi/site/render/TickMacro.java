package org.polisi.site.render;

import org.asciidoctor.ast.ContentNode;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Format;
import org.asciidoctor.extension.FormatType;
import org.asciidoctor.extension.Name;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code tick:[]}: a tick in a table, which a screen reader reads as "Yes" ("Ie" in Welsh)
 * rather than as an unexplained symbol.
 */
@Name("tick")
@Format(FormatType.SHORT)   // tick:[] has no target: only the short form matches it
public final class TickMacro extends InlineMacroProcessor {
    @Override
    public PhraseNode process(ContentNode parent, String target, Map<String, Object> attributes) {
        Object yes = parent.getDocument().getAttribute("t-tick-yes", "Yes");
        String html = "<span class=\"tick\"><span aria-hidden=\"true\">\u2713</span>"
                + "<span class=\"visually-hidden\">" + yes + "</span></span>";
        // Asciidoctor writes into these maps: they must be mutable.
        return createPhraseNode(parent, "quoted", html, new HashMap<>(), new HashMap<>(Map.of("subs", ":none")));
    }
}
