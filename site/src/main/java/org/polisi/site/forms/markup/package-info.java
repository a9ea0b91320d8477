/**
 * Form markup: the {@code form::<id>[]} block macro, the {@code statement:<form-id>[<statement-id>]}
 * inline macro and the HTML of docs/forms.md.
 *
 * <p><b>Input:</b> {@code form::<id>[]} lines and {@code statement:} references in the pages, the page each is converted on
 * ({@link org.polisi.site.forms.markup.FormPage}: school, language, page hash, URL) and one build's
 * {@link org.polisi.site.forms.markup.FormsSession}, which holds the schools'
 * {@link org.polisi.site.forms.definition.FormsSchoolContext}s.
 *
 * <p><b>Output:</b> the form's HTML inside the page (a pass block written by
 * {@link org.polisi.site.forms.markup.FormMacro}): a plain POST form that needs no JavaScript, with
 * its privacy notice; and, in the session, a record of each form rendered, with its version, for the
 * manifest, and what could not be rendered. {@link org.polisi.site.forms.markup.StatementMacro}
 * writes one consent statement or declaration, in the form definition's own words, where the page
 * shows it outside the form (issue 15: what a person reads and what is recorded are one text).
 *
 * <p><b>Why it looks like this:</b> the renderer ({@code render.RenderSession}) registers one macro
 * instance of each macro per build on the shared Asciidoctor, bound to that build's session, and removes it when
 * the bake ends (docs/adr/0040): there is no process-wide state, so two builds in one JVM share nothing.
 */
package org.polisi.site.forms.markup;
