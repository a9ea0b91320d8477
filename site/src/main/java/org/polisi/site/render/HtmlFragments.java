package org.polisi.site.render;

/**
 * Converts AsciiDoc that is not a page of this build (an earlier version of a page, for its history)
 * to an HTML body fragment, with the build's one Asciidoctor instance and its stateless extensions,
 * in SAFE mode. Asciidoctor's warnings about it are not the current content's problems, so they are
 * discarded; no build's session is open while it converts.
 */
public final class HtmlFragments {
    private HtmlFragments() {
    }

    /** @return the body HTML of {@code asciidoc} (a full document: title line, attributes, body) */
    public static String convert(String asciidoc) {
        return AsciidocConverter.convertAside(asciidoc);
    }
}
