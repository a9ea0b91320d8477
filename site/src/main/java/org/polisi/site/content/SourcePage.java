package org.polisi.site.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One AsciiDoc file as an author wrote it: its key (file name without {@code .adoc}, the same in
 * every language), its language, its document title and header attributes, and its body lines.
 */
public record SourcePage(
        String key,
        String language,
        Path file,
        String title,
        int titleLine,
        Map<String, String> header,
        List<SourceLine> body,
        String rawText) {

    /** The body is kept immutable: later stages share it between sites and key what they derive by its identity. */
    public SourcePage {
        body = List.copyOf(body);
    }

    public String attribute(String name) {
        return header.getOrDefault(name, "");
    }

    public boolean adaptsTemplate() {
        return header.containsKey("adapts-template");
    }
}
