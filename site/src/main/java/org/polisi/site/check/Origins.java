package org.polisi.site.check;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;

import java.nio.file.Path;

/**
 * Finds the author's line behind something seen in the generated HTML, by looking for a telling
 * piece of it (an attribute name, a link target, a paragraph's opening words) in the page's source
 * lines, then in its settings' lines (a setting the chrome shows). When nothing matches, the page's
 * own file is named, at line 1.
 */
final class Origins {
    private Origins() {
    }

    static SourceLine find(StagedPage page, String... needles) {
        for (String needle : needles) {
            if (needle == null || needle.isBlank()) {
                continue;
            }
            for (SourceLine line : page.originsAndSettings()) {
                if (line != null && line.text().contains(needle)) {
                    return line;
                }
            }
        }
        return page.origins().isEmpty() || page.origins().get(0) == null
                ? new SourceLine("", null, 0) : page.origins().get(0);
    }

    static Path file(SourceLine line) {
        return line == null ? null : line.file();
    }

    static int number(SourceLine line) {
        return line == null ? 0 : line.number();
    }
}
