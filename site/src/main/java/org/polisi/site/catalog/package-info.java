/**
 * Stages 1 to 3 as the build runs them. Input: {@code content/} and the sites the build asks for.
 * Output: a {@link org.polisi.site.catalog.SiteCatalog}: each site resolved over its template
 * ({@code fork}), its form definitions read (the template's, then its own: {@code forms.definition})
 * and its translations paired ({@code translation}), with every site id the content holds. Why one
 * value: later stages take the catalogue rather than loose maps, and the form definitions are read
 * once, with the content, so that {@code form::} lines are checked where images are (compose) and
 * the renderer only renders. Sites are resolved and their forms read on every core, each with its
 * own problems joined in the sites' order; a template page's sections and an English text's hash
 * are found once per build however many schools share them (docs/adr/0090).
 */
package org.polisi.site.catalog;
