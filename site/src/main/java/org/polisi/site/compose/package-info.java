/**
 * Stage 4, compose pages. Input: resolved sites, their translation states, the theme's messages.
 * Output: {@link org.polisi.site.compose.StagedPage}s, complete AsciiDoc documents whose header
 * attributes carry everything the theme prints around the body. Why: all decisions about what a
 * page shows (which notice, which link in the toggle, which date format) are made here in tested
 * Java, so that the Freemarker theme holds markup only. Also checks, before rendering, what pages
 * embed: forms ({@link org.polisi.site.compose.FormReferences}) and images
 * ({@link org.polisi.site.compose.ImageReferences}). The root index is composed last, from the
 * titles the check stage read in the rendered pages.
 */
package org.polisi.site.compose;
