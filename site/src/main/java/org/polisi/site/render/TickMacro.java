package org.polisi.site.render;

import org.asciidoctor.ast.ContentNode;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.Map;

/**
 * {@code tick:[]}: a tick in a table, which a screen reader reads as "Yes" ("Ie" in Welsh)
 * rather than as an unexplained symbol.
 */
@Name("tick")
public final class TickMacro extends InlineMacroProcessor {
    @Override
    public PhraseNode process(ContentNode parent, String target, Map<String, Object> attributes) {
        Object yes = parent.getDocument().getAttribute("t-tick-yes", "Yes");
        String html = "<span class=\"tick\"><span aria-hidden=\"true\">\u2713</span>"
                + "<span class=\"visually-hidden\">" + yes + "</span></span>";
        return createPhraseNode(parent, "quoted", html, Map.of(), Map.of("subs", ":none"));
    }
}
