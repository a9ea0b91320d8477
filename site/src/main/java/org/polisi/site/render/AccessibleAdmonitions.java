package org.polisi.site.render;

import java.util.regex.Pattern;

/**
 * NOTE, TIP, IMPORTANT, WARNING and CAUTION blocks as assistive technology should meet them.
 * Asciidoctor lays an admonition out as a one-row table (caption cell, content cell), which a
 * screen reader announces as a data table. We mark that table {@code role="presentation"} and the
 * block {@code role="note"} (WAI-ARIA 1.2: "a section whose content is parenthetic or ancillary"),
 * so it is read as its caption ("Note", "Nodyn") followed by its text; the theme styles it.
 * Applied to each converted page by {@link AsciidocConverter#postprocessed}, not as an Asciidoctor
 * postprocessor, so that the page's HTML is not copied from Ruby to Java and back (docs/adr/0086).
 */
final class AccessibleAdmonitions {
    private static final Pattern ADMONITION = Pattern.compile(
            "<div((?: id=\"[^\"]*\")?) class=\"admonitionblock ([^\"]*)\">(\\s*)<table>");

    private AccessibleAdmonitions() {
    }

    /** In: the HTML Asciidoctor converted; out: the same with each admonition marked as above. */
    static String apply(String output) {
        if (!output.contains("admonitionblock")) {
            return output;
        }
        return ADMONITION.matcher(output).replaceAll("<div$1 class=\"admonitionblock $2\" role=\"note\">$3<table role=\"presentation\">");
    }
}
