/**
 * Stage 4, compose pages ({@link org.polisi.site.compose.ComposeStage}). Input: the
 * {@code catalog.SiteCatalog} (resolved sites, their form definitions and translation states), the
 * theme's messages. Output: a {@link org.polisi.site.compose.ComposedSite}: its
 * {@link org.polisi.site.compose.StagedPage}s are complete AsciiDoc documents whose header
 * attributes carry everything the theme prints around the body. Why: all decisions about what a
 * page shows (which notice, which link in the toggle, which date format) are made here in tested
 * Java, so that the Freemarker theme holds markup only. Also checks, before rendering, what pages
 * embed: forms ({@link org.polisi.site.compose.FormReferences}) and images
 * ({@link org.polisi.site.compose.ImageReferences}). The root index is composed last, from the
 * titles the check stage read in the rendered pages.
 */
package org.polisi.site.compose;
