package org.polisi.site.render;

import org.asciidoctor.ast.ContentNode;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.PositionalAttributes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code policy:anti-bullying-policy[anti-bullying policy]}: a reference to another document by key.
 * It links when the school publishes that page and otherwise keeps the author's words as plain
 * text (the report lists it as a missing document): sources refer to policies a school has not
 * published yet, and we never invent their text.
 */
@Name("policy")
@PositionalAttributes("text")
public final class PolicyReferenceMacro extends InlineMacroProcessor {
    @Override
    public PhraseNode process(ContentNode parent, String target, Map<String, Object> attributes) {
        String text = String.valueOf(attributes.getOrDefault("text", target));
        String pages = String.valueOf(parent.getDocument().getAttribute("polisi-pages", ""));
        boolean published = Arrays.asList(pages.split(",")).contains(target);
        if (published) {
            return createPhraseNode(parent, "anchor", text, new HashMap<>(), new HashMap<>(Map.of("type", ":link", "target", target + ".html")));
        }
        return createPhraseNode(parent, "quoted", text, new HashMap<>(Map.of("role", "missing-document")));
    }
}
