package org.polisi.site;

import org.polisi.site.pdf.PdfWriter;
import org.polisi.site.proof.Dictionaries;

/**
 * What a process that runs builds reads once and lends to each build: the spelling dictionaries
 * (about a second of CPU each to read) and the PDF writer with its parsed fonts. Both hold only
 * what Polisi's vendored resources say, never a build's input, so builds that share them share no
 * result; they are objects owned by the caller, not process-wide statics (docs/adr/0064): the CLI
 * makes one per command, a preview one for all its rebuilds, a test class one for its builds.
 */
public record BuildTools(Dictionaries dictionaries, PdfWriter pdfWriter) {
    /** Tools that have read nothing yet. */
    public BuildTools() {
        this(new Dictionaries(), new PdfWriter());
    }
}
