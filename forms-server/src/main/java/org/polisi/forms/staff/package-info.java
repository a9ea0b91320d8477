/**
 * Staff: accounts, logins, sessions, and what each member of staff may see.
 *
 * <p><b>Input:</b> accounts made on the command line; email and password, then a second factor's
 * code, then (for a person with several schools) the school, at login; the manifest's
 * {@code readerRole} for each form.
 * <p><b>Output:</b> in-memory sessions with a synchronizer (CSRF) token; the submissions, consent
 * states and anonymised counts a given member of staff may see; a record of every incident view.
 * <p>A person ({@code staff_person}: address, password, second factor) has a membership
 * ({@link org.polisi.forms.staff.StaffUser}, {@code staff_user}) per school, each with its own role
 * and disabled flag; a session names one membership, and everything it may see follows from that
 * membership's school and role (ADR 0080, 0087). A membership may be removed for good and a person's
 * address changed ({@link org.polisi.forms.staff.AccountService#remove},
 * {@link org.polisi.forms.staff.AccountService#changeEmail}, ADR 0094).
 * <p><b>Why:</b> incident reports and consents concern children: each is readable only by the role
 * the form names (and the headteacher), only within the staff member's own school, and every look
 * at an incident leaves a trace. Passwords are prepared with RFC 8265 OpaqueString (ADR 0022),
 * hashed with Argon2id (ADR 0011) and checked against NIST SP 800-63B
 * ({@link org.polisi.forms.staff.PasswordPolicy}); roles that read incidents need a TOTP second
 * factor ({@link org.polisi.forms.staff.SecondFactor}, ADR 0026), whose secrets are sealed in the
 * database under a key kept outside it ({@link org.polisi.forms.staff.SecondFactorSecrets}, ADR 0075);
 * failures slow the client address
 * and the account name down ({@link org.polisi.forms.staff.LoginThrottle}) without saying whether
 * the account exists (docs/security.md). What a user may read is decided in one place,
 * {@link org.polisi.forms.staff.StaffRecords}, which also records each incident view in the same call,
 * for the staff pages, the CSV export and the command line's exports alike (issue 13). The
 * dashboard's counts are {@link org.polisi.forms.staff.Dashboard}'s; the role checks of issue 20's
 * features (erasure, roster, tombstones) are in {@link org.polisi.forms.staff.StaffPermissions}
 * (ADR 0045), to move into StaffRecords; a password reset is
 * {@link org.polisi.forms.staff.AccountService#resetPassword}.
 */
package org.polisi.forms.staff;
