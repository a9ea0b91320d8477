package org.polisi.site.compose;

import org.polisi.site.content.SourceLine;

import java.util.List;

/**
 * A document handed to the renderer: where it goes ({@code brynford/cy/online-safety-policy}),
 * its complete AsciiDoc text, and for each line of that text the author's line it came from
 * (null for lines we generated), so rendering problems can be reported against the author's file.
 * {@code pageHash} is the hash of the page's text that a form on it names as what was agreed to
 * (12 hex digits, {@code PageComposer.pageHash}); empty for index pages, which hold no form.
 * {@code chrome} is what the theme draws around the body ({@link PageChrome#NONE} for the root pages).
 */
public record StagedPage(String site, String language, String key, String outputPath, String asciidoc,
                         List<SourceLine> origins, String pageHash, PageChrome chrome) {

    /** A page that holds no form and has no chrome around its body (a root page). */
    public StagedPage(String site, String language, String key, String outputPath, String asciidoc,
                      List<SourceLine> origins) {
        this(site, language, key, outputPath, asciidoc, origins, "", PageChrome.NONE);
    }

    public String url() {
        return "/" + outputPath + ".html";
    }
}
