/**
 * Forms: one definition per form, rendered into the page and described to the forms server.
 *
 * <p><b>Input:</b> the YAML files in a cluster's and a school's {@code forms/} folders
 * (format in {@code docs/forms.md}), the school's settings and the merged message bundles
 * ({@code forms_<lang>.properties}), and {@code form::<id>[]} lines in the pages.
 *
 * <p><b>Output:</b> the form's HTML inside the page (a pass block written by {@link FormMacro}),
 * and one manifest per school ({@link FormsManifestWriter}) that the forms server validates
 * submissions against. Nothing about a form is defined twice: the server reads the manifest only.
 * Each form's retention is a rule ({@link Retention}); the privacy notice's sentence is generated
 * from it ({@link RetentionSentence}) and the server enforces the same rule (docs/adr/0029).
 *
 * <p><b>Why it looks like this:</b> Asciidoctor creates extension instances itself (through the
 * {@code ExtensionRegistry} service), so the macro cannot be given its dependencies; the build
 * hands them over through {@link FormsBuildContext} between {@code begin()} and {@code end()}.
 * Definitions are read with SnakeYAML's node API rather than as plain maps so that every problem
 * names the file and line of the offending node, and so that a Welsh "Na" or an English "No"
 * stays text instead of becoming a boolean.
 */
package org.polisi.site.forms;
