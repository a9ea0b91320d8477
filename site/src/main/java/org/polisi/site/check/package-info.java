/**
 * Stage 6, check the output. Input: the staged pages and the HTML the renderer wrote for them.
 * Output: problems, each located at the author's file and line where it can be found. Why on HTML:
 * Asciidoctor turns several author mistakes into plain text rather than errors, and links across
 * pages and languages can only be checked once every page exists, and what a screen reader speaks
 * on a Welsh page (titles, labels, buttons) only exists once the theme has written it. One check reads the resolved
 * sources instead, before rendering, because what it looks for is gone from the HTML: list markers
 * in a table cell that is not {@code a|} ({@link org.polisi.site.check.TableCellLists}), a warning
 * at the author's line; and one refuses raw HTML that would run code, show or fetch another site or
 * collect what people type ({@link org.polisi.site.check.RawHtml} with {@link org.polisi.site.check.HtmlPolicy},
 * an {@code unsafe-html} error at the author's line, docs/adr/0093), because in the HTML it can no
 * longer be told from the theme's own markup or traced to its line. As a second lock, every address in
 * the rendered HTML is read as a browser reads it ({@link org.polisi.site.check.UnsafeUrls}, docs/adr/0097):
 * a {@code javascript:} target built from an attribute, {@code {empty}} or an entity only exists there.
 * The render stage publishes each site's {@code assets/} through {@link org.polisi.site.check.AuthoredAssets}
 * (pictures only; SVG when {@link org.polisi.site.check.SafeSvg} finds it inert), an {@code unsafe-asset}
 * error at any other file. Each page group's results (a page in each of its languages) are kept in the
 * build cache under its pages' render keys ({@link org.polisi.site.check.CheckedGroups},
 * docs/adr/0062) and not read again while those keys are unchanged; the links across pages are
 * checked every build from the kept ids and links, each page's on whichever core is free, and reported
 * in page order (docs/adr/0091). Each page is parsed once and walked once for everything the checks other than
 * {@code UnsafeUrls} read ({@link org.polisi.site.check.PageElements}, docs/adr/0095); a template page every school
 * inherits unchanged is read for raw HTML once (docs/adr/0095).
 */
package org.polisi.site.check;
