package org.polisi.site.render;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Preprocessor;
import org.asciidoctor.extension.PreprocessorReader;

import java.util.List;

/** Notes which page is about to be converted (its {@code :polisi-page-url:}), for {@link RenderLog}. */
public final class CurrentPagePreprocessor extends Preprocessor {
    private static final String MARKER = ":polisi-page-url: ";

    @Override
    public void process(Document document, PreprocessorReader reader) {
        List<String> lines = reader.readLines();
        String url = null;
        for (String line : lines) {
            if (line.startsWith(MARKER)) {
                url = line.substring(MARKER.length()).trim();
                break;
            }
            if (line.isBlank()) {
                break;   // end of the document header
            }
        }
        CurrentPage.set(url);
        reader.restoreLines(lines);
    }
}
