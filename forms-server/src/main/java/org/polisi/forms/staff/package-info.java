/**
 * Staff: accounts, logins, sessions, and what each member of staff may see.
 *
 * <p><b>Input:</b> accounts made on the command line; email and password at login; the manifest's
 * {@code readerRole} for each form.
 * <p><b>Output:</b> in-memory sessions with a synchronizer (CSRF) token; the submissions, consent
 * states and anonymised counts a given member of staff may see; a record of every incident view.
 * <p><b>Why:</b> incident reports and consents concern children: each is readable only by the role
 * the form names (and the headteacher), only within the staff member's own school, and every look
 * at an incident leaves a trace. Passwords are prepared with RFC 8265 OpaqueString (ADR 0022) and
 * hashed with Argon2id (ADR 0011); repeated failures lock the account for a while.
 */
package org.polisi.forms.staff;
