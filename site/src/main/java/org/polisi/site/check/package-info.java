/**
 * Stage 6, check the output. Input: the staged pages and the HTML the renderer wrote for them.
 * Output: problems, each located at the author's file and line where it can be found. Why on HTML:
 * Asciidoctor turns several author mistakes into plain text rather than errors, links across
 * pages and languages can only be checked once every page exists, and what a screen reader speaks
 * on a Welsh page (titles, labels, buttons) only exists once the theme has written it.
 */
package org.polisi.site.check;
