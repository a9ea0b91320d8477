package org.polisi.site.render;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Postprocessor;

import java.util.regex.Pattern;

/**
 * NOTE, TIP, IMPORTANT, WARNING and CAUTION blocks as assistive technology should meet them.
 * Asciidoctor lays an admonition out as a one-row table (caption cell, content cell), which a
 * screen reader announces as a data table. We mark that table {@code role="presentation"} and the
 * block {@code role="note"} (WAI-ARIA 1.2: "a section whose content is parenthetic or ancillary"),
 * so it is read as its caption ("Note", "Nodyn") followed by its text; the theme styles it.
 */
public final class AccessibleAdmonitions extends Postprocessor {
    private static final Pattern ADMONITION = Pattern.compile(
            "<div((?: id=\"[^\"]*\")?) class=\"admonitionblock ([^\"]*)\">(\\s*)<table>");

    @Override
    public String process(Document document, String output) {
        if (!output.contains("admonitionblock")) {
            return output;
        }
        return ADMONITION.matcher(output).replaceAll("<div$1 class=\"admonitionblock $2\" role=\"note\">$3<table role=\"presentation\">");
    }
}
