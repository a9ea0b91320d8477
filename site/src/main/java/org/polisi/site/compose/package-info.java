/**
 * Stage 4, compose pages ({@link org.polisi.site.compose.ComposeStage}). Input: the
 * {@code catalog.SiteCatalog} (resolved sites, their form definitions and translation states), the
 * theme's messages. Output: a {@link org.polisi.site.compose.ComposedSite}: its
 * {@link org.polisi.site.compose.StagedPage}s are complete AsciiDoc documents whose header
 * attributes carry the school's values and the page's frame, each with the
 * {@link org.polisi.site.compose.PageChrome} the theme draws around the body (breadcrumbs,
 * notices, details, contents, appendices), its text escaped and its attribute references
 * resolved here (docs/adr/0064). Why: all decisions about what a
 * page shows (which notice, which link in the toggle, which date format) are made here in tested
 * Java, so that the Freemarker theme holds markup only. Also checks, before rendering, what pages
 * embed: forms ({@link org.polisi.site.compose.FormReferences}) and images
 * ({@link org.polisi.site.compose.ImageReferences}), and the policy dates pages state
 * ({@link org.polisi.site.compose.PolicyDateChecks}: none after today, no review before the approval,
 * docs/adr/0082). The root index is composed last, from the
 * titles the check stage read in the rendered pages. Each page's hash, which its forms' versions
 * name, covers its body and only the settings it uses ({@link org.polisi.site.compose.SettingsUsed},
 * docs/adr/0066). Sites are composed on every core and joined in the catalogue's order, so pages,
 * problems and progress come out as from one thread; what is derived from a page body alone (its
 * forms, links and images compared between languages, the text its hash begins with, its
 * description) is derived once per build for a template page all the schools share
 * ({@link org.polisi.site.content.PerBody}, docs/adr/0090).
 */
package org.polisi.site.compose;
