/**
 * The whole-build check that comes before every stage (docs/adr/0062-nothing-changed-builds.md):
 * when a build's inputs ({@link org.polisi.site.uptodate.BuildInputs}: content, theme, code,
 * options, date, the content's git history) and the folders it published
 * ({@link org.polisi.site.uptodate.OutputListing}) are what the last build left, that build's
 * report is given again ({@link org.polisi.site.uptodate.LastBuild}) and nothing is loaded,
 * converted, checked or published. Any difference, or a record that cannot be read whole, and the
 * build runs as usual.
 *
 * <p>When it runs, each site is checked the same way (docs/adr/0067-per-school-builds.md):
 * {@link org.polisi.site.uptodate.SiteInputs} fingerprints what each school or template preview
 * reads, and {@link org.polisi.site.uptodate.SiteRecords} keeps every published site whose inputs,
 * published output and linked sites are unchanged, with its sealed
 * {@link org.polisi.site.uptodate.SiteRecord} (problems, index entry, page ids) standing in for
 * building it again.
 */
package org.polisi.site.uptodate;
