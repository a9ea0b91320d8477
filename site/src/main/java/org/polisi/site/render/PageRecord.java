package org.polisi.site.render;

import org.polisi.site.forms.manifest.RenderedForm;

import java.util.List;

/**
 * What converting one page produced, as the build cache keeps it: the page's URL (to tell which page
 * an entry is), its HTML file exactly as
 * JBake wrote it, the forms rendered on it (with their versions), and what went wrong while
 * converting it: Asciidoctor's warnings (at the line of the composed document; the author's file
 * and line are found again from the page's current origins when they are reported) and the form
 * macros' problems. A cached page reports the same problems as the conversion it replaces.
 */
record PageRecord(String url, byte[] html, List<RenderedForm> forms, List<String> formProblems, List<LogLine> asciidoc) {
    PageRecord {
        html = html.clone();
        forms = List.copyOf(forms);
        formProblems = List.copyOf(formProblems);
        asciidoc = List.copyOf(asciidoc);
    }

    @Override
    public byte[] html() {
        return html.clone();
    }

    /**
     * This record without its HTML: what the render stage keeps of every page until it has reported
     * the pages' problems and forms, once the HTML is in its file and the cache (docs/adr/0095).
     */
    PageRecord withoutHtml() {
        return new PageRecord(url, NO_HTML, forms, formProblems, asciidoc);
    }

    private static final byte[] NO_HTML = new byte[0];

    /** One warning or error Asciidoctor logged on the page, at {@code line} of its composed AsciiDoc (0: no line). */
    record LogLine(int line, String severity, String message) {
    }
}
