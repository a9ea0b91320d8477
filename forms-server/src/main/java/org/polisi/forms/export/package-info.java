/**
 * Exports: submissions as CSV for staff, and everything naming a person for a subject access request.
 *
 * <p><b>Input:</b> stored submissions and the manifest (to put answers in words); for a person, a
 * name as typed and a scope (every school, or a member of staff's school and readable forms).
 * <p><b>Output:</b> CSV text with formula-safe cells; {@link org.polisi.forms.export.PersonSearch}'s
 * findings, each saying whether it matched exactly or without accents, and the same as JSON.
 * <p><b>Why:</b> schools work in spreadsheets, so the export must be safe to open there; and the
 * law gives people the right to a copy of what is held about them, which must be quick to produce and must find the person however their name was spelt (ADR 0023).
 */
package org.polisi.forms.export;
