package org.polisi.site.fork;

import org.polisi.site.content.SourceLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A page as the school publishes it, after its template's text and the school's changes are merged:
 * header attributes (school's over template's) and body lines that still know their source file.
 * {@code file} is the file an author edits first: the school's own file if it has one.
 */
public record ResolvedPage(
        String key,
        String language,
        String title,
        Map<String, String> header,
        List<SourceLine> body,
        Path file,
        Origin origin) {

    public enum Origin { TEMPLATE, ADAPTED, SCHOOL }

    /**
     * The body is kept immutable: a template page's list is shared by every school that inherits it,
     * and the compose stage keys what it derives from a body by the list's identity (docs/adr/0090).
     */
    public ResolvedPage {
        body = List.copyOf(body);
    }

    public String attribute(String name) {
        return header.getOrDefault(name, "");
    }

    public String kind() {
        String kind = attribute("page-kind");
        return kind.isBlank() ? "page" : kind;
    }

    public int order() {
        try {
            return Integer.parseInt(attribute("page-order").trim());
        } catch (NumberFormatException e) {
            return 50;
        }
    }

    /** The page's AsciiDoc text with its origin markers removed: what a form's version hashes. */
    public String bodyText() {
        StringBuilder text = new StringBuilder();
        body.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }
}
