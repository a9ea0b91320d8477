/**
 * Import, a pipeline of its own before the build: a school's existing document in, a page of our
 * content model out. Input: a {@code .docx}, {@code .odt}, {@code .html} or {@code .md} file and
 * where it goes (school, page key, language, kind). Output: {@code content/schools/ID/LANG/KEY.adoc}
 * with its header (title, kind, order, the dates the document states; for a translation the
 * English page's pairing and {@code translation-status: draft}), its images in the school's
 * {@code assets/}, and {@link org.polisi.site.importing.ImportFinding findings} at file lines for
 * what a person must finish (alt text, blanks that a form could collect, what could not be converted).
 *
 * <p>Stages: {@link org.polisi.site.importing.Pandoc} converts (with {@code polisi-import.lua}
 * marking what the AsciiDoc writer would drop, and the document's own words),
 * {@link org.polisi.site.importing.AsciidocText} writes those words so Asciidoctor shows them as typed,
 * {@link org.polisi.site.importing.ImportCleanup}
 * makes pandoc's AsciiDoc ours ({@link org.polisi.site.importing.TableCleanup},
 * {@link org.polisi.site.importing.Headings}), {@link org.polisi.site.importing.DocumentDates}
 * reads the dates, {@link org.polisi.site.importing.ImportFidelity} compares the page, converted
 * as the build converts it, with the document word by word and table by table,
 * {@link org.polisi.site.importing.PageImporter} orders them and writes.
 * Why apart from the build: it writes content, which the build only reads; it needs a program
 * (pandoc) the build does not; and its output is an author's starting point, reviewed before it is
 * committed. See docs/adr/0032-import-through-pandoc.md and docs/adr/0103.
 */
package org.polisi.site.importing;
