/**
 * The school's optional roster of pupils and their classes (issue 20, fault 6).
 *
 * <p><b>In:</b> a CSV file (or text pasted from a spreadsheet) of pupils and classes, uploaded by the
 * headteacher on {@code /staff/roster}. <b>Out:</b> who has not yet returned each agreement or
 * consent form, and each consenting pupil's class, for the dashboard and the consents view.
 *
 * <p><b>Why:</b> a form cannot say who did not send it; only the school's own list can. The list
 * holds every child's name, so it is kept in the server's private database only, replaced whole on
 * each upload, shown only as the answers to those questions, and every upload is recorded.
 * Parsing is Apache Commons CSV, already used for the exports (ADR 0045).
 */
package org.polisi.forms.roster;
