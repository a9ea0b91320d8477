/**
 * Form markup: the {@code form::<id>[]} block macro and the HTML of docs/forms.md.
 *
 * <p><b>Input:</b> {@code form::<id>[]} lines in the pages, the page attributes the build sets
 * ({@code polisi-school}, {@code polisi-lang}, {@code polisi-page-hash}, {@code polisi-page-url}) and
 * the schools' {@link org.polisi.site.forms.definition.FormsSchoolContext}s.
 *
 * <p><b>Output:</b> the form's HTML inside the page (a pass block written by
 * {@link org.polisi.site.forms.markup.FormMacro}): a plain POST form that needs no JavaScript, with
 * its privacy notice; and a record of each form rendered, with its version, for the manifest.
 *
 * <p><b>Why it looks like this:</b> Asciidoctor creates extension instances itself (through the
 * {@code ExtensionRegistry} service), so the macro cannot be given its dependencies; the build hands
 * them over through {@link org.polisi.site.forms.markup.FormsBuildContext} between {@code begin()} and
 * {@code end()}.
 */
package org.polisi.site.forms.markup;
