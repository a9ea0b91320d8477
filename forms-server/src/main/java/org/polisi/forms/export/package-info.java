/**
 * Exports: submissions as CSV for staff, and everything naming a person for a subject access request.
 *
 * <p><b>Input:</b> stored submissions and the manifest (to put answers in words).
 * <p><b>Output:</b> CSV text with formula-safe cells; a JSON document per person.
 * <p><b>Why:</b> schools work in spreadsheets, so the export must be safe to open there; and the
 * law gives people the right to a copy of what is held about them, which must be quick to produce.
 */
package org.polisi.forms.export;
