/**
 * Form definitions: the YAML files of a cluster's and a school's {@code forms/} folders, read and
 * checked against {@code docs/forms.md}.
 *
 * <p><b>Input:</b> {@code forms/<id>.yml} files (the school's override the cluster's of the same id),
 * the school's languages, and the merged message bundles ({@code forms_<lang>.properties}) that word
 * year groups and the retention sentence.
 *
 * <p><b>Output:</b> {@link org.polisi.site.forms.definition.SchoolForms} of checked
 * {@link org.polisi.site.forms.definition.FormDefinition}s, or a
 * {@link org.polisi.site.forms.definition.FormDefinitionException} listing every problem with file
 * and line. {@link org.polisi.site.forms.definition.FormsSchoolContext} carries a school's forms with
 * what markup and manifest need besides (names, contact, endpoint, messages).
 *
 * <p><b>Why it looks like this:</b> definitions are read with SnakeYAML's node API rather than as plain
 * maps so that every problem names the file and line of the offending node, and so that a Welsh "Na"
 * or an English "No" stays text instead of becoming a boolean. Each form's retention is a rule
 * ({@link org.polisi.contract.RetentionRule}); the privacy notice's sentence is generated from
 * it ({@link org.polisi.site.forms.definition.RetentionSentence}) and the server enforces the same rule
 * (docs/adr/0029). An objection form is checked for what makes it one
 * ({@link org.polisi.site.forms.definition.ObjectionRules}, docs/adr/0057), and consent, agreement and
 * incident forms for the fields of their kind ({@link org.polisi.site.forms.definition.FormKindRules},
 * docs/adr/0082).
 */
package org.polisi.site.forms.definition;
