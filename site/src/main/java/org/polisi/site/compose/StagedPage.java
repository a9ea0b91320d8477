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
 * {@code settingsLines} are the lines of the site's settings files (school.yml, and the template's
 * cluster.yml) that name an attribute, numbered: text the chrome shows from a setting is found there
 * when it is not in the page (issue 25), instead of being blamed on the page's first line.
 */
public record StagedPage(String site, String language, String key, String outputPath, String asciidoc,
                         List<SourceLine> origins, String pageHash, PageChrome chrome, List<SourceLine> settingsLines) {

    public StagedPage {
        settingsLines = List.copyOf(settingsLines);
    }

    /** A page whose chrome shows no setting that names an attribute. */
    public StagedPage(String site, String language, String key, String outputPath, String asciidoc,
                      List<SourceLine> origins, String pageHash, PageChrome chrome) {
        this(site, language, key, outputPath, asciidoc, origins, pageHash, chrome, List.of());
    }

    /** A page that holds no form and has no chrome around its body (a root page). */
    public StagedPage(String site, String language, String key, String outputPath, String asciidoc,
                      List<SourceLine> origins) {
        this(site, language, key, outputPath, asciidoc, origins, "", PageChrome.NONE);
    }

    /** The page's own lines, then its settings' lines: where a piece of its HTML may have been written. */
    public List<SourceLine> originsAndSettings() {
        if (settingsLines.isEmpty()) {
            return origins;
        }
        List<SourceLine> all = new java.util.ArrayList<>(origins);
        all.addAll(settingsLines);
        return all;
    }

    public String url() {
        return "/" + outputPath + ".html";
    }
}
