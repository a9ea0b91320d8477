/**
 * Stage 5b, proofing: spelling and terminology of everything a reader sees, in every language a
 * school publishes.
 *
 * <p><b>Input:</b> the resolved sites (their pages' AsciiDoc lines, each still knowing its file and
 * line), the forms and settings YAML, the theme's interface bundles, {@code content/glossary.yml},
 * {@code content/welsh-language-sites.txt} and the word lists ({@code content/words.txt},
 * {@code content/clusters/<id>/words.txt}, {@code content/schools/<id>/words.txt}).
 * <p><b>Output:</b> {@code spelling} and {@code glossary} warnings at file and line, and a
 * {@link org.polisi.site.proof.ProofResult} that counts them per school and language for
 * {@code ./polisi report}.
 * <p><b>Why on the source, not the HTML:</b> a warning must name the line an author edits, and the
 * source says what is prose and what is code, a link target or an attribute value. The words are
 * checked by Lucene's pure-Java Hunspell with the Hunspell dictionaries of the npm registry
 * ({@code dictionary-cy}, {@code dictionary-en-gb}), vendored with their licences: see
 * docs/adr/0034-spelling-and-terminology-in-the-build.md. What it costs a build, and why its scanners
 * read text by hand where an expression only searched: docs/adr/0056 and docs/adr/0063; why it
 * starts when compose ends, in the core the build leaves idle while JRuby starts: docs/adr/0069.
 */
package org.polisi.site.proof;
