/**
 * Who must sign again: for each agreement form, who has signed which form version, and, after the
 * agreement's text changes (a new version), who has signed only an older one. People are told apart
 * by the name they signed with, compared as {@link org.polisi.forms.names.PersonNames} compares names;
 * groups (staff, pupils, parents, others) come from the form's {@code signed-by}. A signature of a version
 * whose archived text is word for word a current version's counts as current (docs/adr/0066). Nothing here imports
 * Javalin.
 */
package org.polisi.forms.signatures;
