package org.polisi.forms.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.polisi.contract.Manifest;
import org.polisi.contract.StaffRole;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.StaffAccountHistory;
import org.polisi.forms.storage.WriteTransaction;

/**
 * Creates staff accounts (from the command line: there is no self-registration), for a school the
 * server serves (one with a manifest) and with a password {@link PasswordPolicy} accepts. Each
 * account's attributes are also appended to the school's staff account chain
 * ({@link StaffAccountHistory}): a later change must append its event too, or {@code verify} names
 * the account.
 */
public final class AccountService {

    public static final int MINIMUM_PASSWORD_LENGTH = PasswordPolicy.MINIMUM_LENGTH;
    /**
     * An address: something, an at sign, a domain with a dot. No part may hold white space, a
     * control character (Cc, ESC and C1 too), a format character (Cf: bidirectional controls, zero
     * widths) or a Unicode space or separator (Z): an address is stored, chained and printed, and
     * one with ESC [31m in it would reach a terminal as an escape sequence (tester 5's
     * fault 8, ADR 0098).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]+@[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]+\\.[^@\\s\\p{Cc}\\p{Cf}\\p{Z}.]+");
    private static final Pattern SCHOOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ManifestCatalog schools;
    private final PasswordPolicy policy = new PasswordPolicy();

    /** @param schools the manifests of the schools served: an account is only for one of them */
    public AccountService(Jdbi jdbi, PasswordHasher hasher, Clock clock, ManifestCatalog schools) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
        this.schools = schools;
    }

    /** Whether a person with this e-mail address exists: then {@link #add} adds a membership and needs no password. */
    public boolean personExists(String email) {
        return email != null && jdbi.withExtension(StaffUserDao.class, users -> users.findPerson(email)).isPresent();
    }

    /**
     * Adds a staff account at a school (docs/adr/0080): for a new e-mail address, a new person with
     * this password and their first membership; for the address of a person who exists, a membership
     * at another school with its own role (the person keeps their password, second factor and
     * recovery codes, and {@code password} is not used; it may be null). The membership's events,
     * with the person's password and second factor as they are now, are appended to the school's
     * staff account chain, so verify compares it like any other.
     *
     * @return the membership's id ({@code staff_user.id})
     * <p>A person whose membership at {@code school} was removed ({@link #remove}) is added back as a
     * new membership with its own id and history (ADR 0101); the removed one stays removed, with its
     * records and history.
     *
     * @throws IllegalArgumentException with a message for the operator when it cannot: no such
     *     school, a preview, a bad name, address or role, a refused password, or a membership the
     *     person already has at that school (disabled or not; removed ones do not count)
     */
    public long add(String school, String name, String email, String role, String password) {
        if (school == null || !SCHOOL.matcher(school).matches()) {
            throw new IllegalArgumentException("school must be a school id such as 'rumney'");
        }
        if (schools.school(school).isEmpty()) {
            List<String> known = schools.all().stream().map(Manifest::school).toList();
            throw new IllegalArgumentException("there is no school '" + school + "'"
                    + (known.isEmpty() ? ": no school has been built yet (run ./polisi build first)"
                    : "; the schools served are " + String.join(", ", known)));
        }
        if (schools.school(school).get().preview()) {   // a cluster template's preview takes no submissions: no staff
            List<String> real = schools.all().stream().filter(manifest -> !manifest.preview()).map(Manifest::school).toList();
            throw new IllegalArgumentException("'" + school + "' is a template's preview, not a school: it takes no"
                    + " submissions and has no staff" + (real.isEmpty() ? "" : "; the schools served are "
                    + String.join(", ", real)));
        }
        if (name == null || !org.polisi.forms.text.TypedText.hasVisibleCharacter(name)) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw new IllegalArgumentException("name must be one line, with no control characters");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email must be an email address");
        }
        StaffRole staffRole = StaffRole.fromWord(role).orElseThrow(() -> new IllegalArgumentException(
                "role must be one of " + StaffRole.knownWords()));
        // stored as typed (NFC only); compared by its key, the same on SQLite and PostgreSQL (ADR 0107)
        String typed = EmailKey.typed(email);
        List<StaffUser> existing = jdbi.withExtension(StaffUserDao.class, users -> users.memberships(typed));
        // a removed membership stays as it was (its records name it); the person may be added back beside it (ADR 0101)
        java.util.Optional<StaffUser> there = existing.stream()
                .filter(membership -> membership.school().equals(school) && !removed(membership.id())).findFirst();
        if (there.isPresent()) {
            throw new IllegalArgumentException("the email " + typed + " already has an account at " + school + " ("
                    + there.get().role() + (there.get().disabled() ? ", disabled: 'user enable' gives it back" : "")
                    + ")" + (there.get().email().equals(typed) ? "" : ", as " + there.get().email()
                    + " (addresses that differ only in letter case are one address)")
                    + "; a person has one account per school");
        }
        boolean newPerson = existing.isEmpty() && !personExists(typed);
        String hash;
        if (newPerson) {
            List<String> problems = policy.problems(password, List.of(name, email, school));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the password is not accepted: " + String.join("; ", problems));
            }
            hash = hasher.hash(password);
        } else {
            hash = null;
        }
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(handle -> {
                StaffUserDao users = handle.attach(StaffUserDao.class);
                long person = newPerson ? users.insertPerson(typed, EmailKey.of(typed), hash, now)
                        : users.findPerson(typed).orElseThrow();
                String passwordHash = newPerson ? hash : handle.createQuery(
                        "SELECT password_hash FROM staff_person WHERE id = :id").bind("id", person).mapTo(String.class).one();
                // the person's address as first given, whatever case was typed now
                String address = newPerson ? typed : handle.createQuery(
                        "SELECT email FROM staff_person WHERE id = :id").bind("id", person).mapTo(String.class).one();
                long id = users.insertMembership(school, person, name.strip(), address, staffRole.word(), now);
                try (WriteTransaction transaction = WriteTransaction.over(handle);
                     RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                    StaffAccountHistory.created(events, id, school, name.strip(), address, staffRole.word(), passwordHash,
                            "command line", now);
                    String secondFactor = secondFactorDigest(handle, person);
                    if (!secondFactor.isEmpty()) {   // the person's second factor serves this membership too
                        StaffAccountHistory.changed(events, id, StaffAccountHistory.SECOND_FACTOR, secondFactor,
                                "command line", now);
                    }
                }
                return id;
            });
        } catch (UnableToExecuteStatementException e) {
            // two operators adding the same address or membership at once: the unique constraints refused the second
            throw new IllegalArgumentException("the email " + email + " was given an account at " + school
                    + " meanwhile; run the command again to see where it stands", e);
        }
    }

    /** The person's second factor as the staff account history records it ("" for none). */
    private static String secondFactorDigest(org.jdbi.v3.core.Handle handle, long person) {
        return handle.createQuery("SELECT secret FROM staff_second_factor WHERE person_id = :id").bind("id", person)
                .mapTo(String.class).findOne()
                .map(secret -> StaffAccountHistory.secondFactorDigest(secret, handle.createQuery(
                        "SELECT code_hash FROM staff_recovery_code WHERE person_id = :id").bind("id", person)
                        .mapTo(String.class).list()))
                .orElse("");
    }

    /**
     * Gives a person a new password (when they have forgotten theirs), named by their account at
     * {@code school}: the same {@link PasswordPolicy} as a new account's, the change appended to the
     * staff account chain of every school the person belongs to (as the digest of the new hash,
     * {@link StaffAccountHistory#passwordDigest}). The second factor stays as it is: a reset never
     * weakens sign-in to a password alone. Every session of the person, at every school, ends at
     * once (whoever knew the old password may be signed in anywhere).
     *
     * @param school   the account's school (an account of another school is "no such account")
     * @param email    the account's e-mail address
     * @param password the new password
     * @param by       who issued it, as recorded ("headteacher Name, command line")
     * @throws IllegalArgumentException with a message for the operator when there is no such
     *     account or the password is refused
     */
    public void resetPassword(String school, String email, String password, String by) {
        StaffUser user = membership(school, email);
        List<String> problems = policy.problems(password, List.of(user.name(), user.email(), school));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the password is not accepted: " + String.join("; ", problems));
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("UPDATE staff_person SET password_hash = :hash WHERE id = :id")
                    .bind("hash", hash).bind("id", user.personId()).execute();
            SessionStore.endAllOfPerson(handle, user.personId());   // whoever knew the old password is signed out now
            StaffAccountHistory.changedForPerson(handle, user.personId(), StaffAccountHistory.PASSWORD,
                    StaffAccountHistory.passwordDigest(hash), by, now);
        });
    }

    /**
     * Removes the second factor of the person with this account ({@code user reset --second-factor}):
     * a lost phone, or a sealed secret the key no longer opens (tester 3's fault 14). Every session of
     * the person ends, and the change is appended to the staff account chain of each of their
     * memberships ({@link StaffAccountHistory#SECOND_FACTOR}, recorded as none), in one transaction;
     * they set up a new one at their next sign-in.
     *
     * @param by who did it, as recorded ("headteacher Name (command line)")
     * @return the number of sessions ended
     * @throws IllegalArgumentException when there is no such account, or it has no second factor
     */
    public int removeSecondFactor(String school, String email, String by) {
        StaffUser user = membership(school, email);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            if (!SecondFactor.remove(handle, user.personId())) {
                throw new IllegalArgumentException("the account " + email + " at " + school + " has no second factor");
            }
            int ended = SessionStore.endAllOfPerson(handle, user.personId());
            StaffAccountHistory.changedForPerson(handle, user.personId(), StaffAccountHistory.SECOND_FACTOR,
                    StaffAccountHistory.secondFactorDigest(null, List.of()), by, now);
            return ended;
        });
    }

    /**
     * Disables one membership (a member of staff who has left a school) or enables it again; the
     * person's memberships at other schools stay as they are, and a person whose every membership
     * is disabled cannot sign in at all. A disabled membership cannot be signed in to ({@link LoginService}: the same answer as a wrong password) and
     * every one of its sessions ends at once, in the same transaction as the change, which is
     * appended to the school's staff account chain ({@link StaffAccountHistory#DISABLED}). Its
     * records and history stay; it is no longer sent alerts.
     *
     * @param school   the account's school (an account of another school is "no such account")
     * @param email    the account's e-mail address
     * @param disabled true to disable, false to enable
     * @param by       who did it, as recorded ("headteacher Name, command line")
     * @return the number of sessions ended
     * @throws IllegalArgumentException with a message for the operator when there is no such account
     *     or it is already in that state
     */
    public int setDisabled(String school, String email, boolean disabled, String by) {
        StaffUser user = membership(school, email);
        if (!disabled && removed(user.id())) {
            throw new IllegalArgumentException("the account " + email + " at " + school + " was removed ('user remove'):"
                    + " it cannot be enabled again");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE staff_user SET disabled = :disabled WHERE id = :id AND disabled <> :disabled")
                    .bind("disabled", disabled ? 1 : 0).bind("id", user.id()).execute();
            if (changed == 0) {
                throw new IllegalArgumentException("the account " + email + " at " + school + " is already "
                        + (disabled ? "disabled" : "enabled"));
            }
            int ended = SessionStore.endAll(handle, user.id());
            try (WriteTransaction transaction = WriteTransaction.over(handle);
                 RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                StaffAccountHistory.changed(events, user.id(), StaffAccountHistory.DISABLED,
                        disabled ? StaffAccountHistory.YES : StaffAccountHistory.NO, by, now);
            }
            return ended;
        });
    }

    /**
     * Removes a membership for good ({@code user remove}, ADR 0094): a person who has left the school.
     * Unlike {@link #setDisabled} it cannot be undone: the membership is disabled and marked removed
     * ({@code staff_user.removed_at}, which a trigger keeps), every session of it ends, and both
     * changes are appended to the school's staff account chain ({@link StaffAccountHistory#DISABLED}
     * when it was not already, {@link StaffAccountHistory#REMOVED}), in one transaction. The row
     * stays: the records it made still name it as their author, and its history still verifies. The
     * person's other memberships, password and second factor stay as they are.
     *
     * @param by who did it, as recorded ("headteacher Name (command line)")
     * @return the number of sessions ended
     * @throws IllegalArgumentException when there is no such account or it is already removed
     */
    public int remove(String school, String email, String by) {
        StaffUser user = membership(school, email);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE staff_user SET disabled = 1, removed_at = :now"
                            + " WHERE id = :id AND removed_at IS NULL")
                    .bind("now", org.polisi.forms.storage.Times.format(now)).bind("id", user.id()).execute();
            if (changed == 0) {
                throw new IllegalArgumentException("the account " + email + " at " + school + " is already removed");
            }
            int ended = SessionStore.endAll(handle, user.id());
            try (WriteTransaction transaction = WriteTransaction.over(handle);
                 RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                if (!user.disabled()) {
                    StaffAccountHistory.changed(events, user.id(), StaffAccountHistory.DISABLED, StaffAccountHistory.YES,
                            by, now);
                }
                StaffAccountHistory.changed(events, user.id(), StaffAccountHistory.REMOVED, StaffAccountHistory.YES,
                        by, now);
            }
            return ended;
        });
    }

    /**
     * Changes a person's e-mail address (after a marriage, a new domain: ADR 0094), named by their
     * account at {@code school}: the person's sign-in address and every one of their memberships'
     * address change together, the change is appended to the staff account chain of every school
     * they belong to ({@link StaffAccountHistory#EMAIL}), and every session and half-done sign-in of
     * the person ends, so that they next sign in with the new address (OWASP Authentication Cheat
     * Sheet: re-authenticate after a change of the identifier). Their password, second factor and
     * records stay as they are: records name their author by membership and name, never address.
     *
     * @param school   one of the person's schools (an account of another school is "no such account")
     * @param email    the address now
     * @param newEmail the new address
     * @param by       who did it, as recorded
     * @return the number of sessions ended
     * @throws IllegalArgumentException when there is no such account, the new address is not an
     *     address or is the same, or another person has it (compared by {@link EmailKey}: without
     *     regard to letter case or Unicode form)
     */
    public int changeEmail(String school, String email, String newEmail, String by) {
        StaffUser user = membership(school, email);
        // spaces around it are forgiven; a line separator or control character is not (strip() would drop them)
        String address = newEmail == null ? "" : EmailKey.typed(newEmail.replaceAll("^ +| +$", ""));
        if (!EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("the new email must be an email address");
        }
        if (address.equals(user.email())) {
            throw new IllegalArgumentException("the account " + email + " at " + school + " already has that address");
        }
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(handle -> {
                // by key (ADR 0107): an address that differs only in letter case is the same address
                String key = EmailKey.of(address);
                java.util.Optional<String> holder = handle.createQuery("SELECT email FROM staff_person"
                        + " WHERE email_key = :key AND id <> :id ORDER BY id LIMIT 1")
                        .bind("key", key).bind("id", user.personId()).mapTo(String.class).findOne();
                if (holder.isPresent()) {
                    throw new IllegalArgumentException("another person's staff account has the address " + address
                            + (holder.get().equals(address) ? "" : " (as " + holder.get()
                            + ": addresses that differ only in letter case are one address)")
                            + ": an address is one person's; change or remove that account first");
                }
                String oldKey = handle.createQuery("SELECT email_key FROM staff_person WHERE id = :id")
                        .bind("id", user.personId()).mapTo(String.class).one();
                handle.createUpdate("UPDATE staff_person SET email = :email, email_key = :key WHERE id = :id")
                        .bind("email", address).bind("key", key).bind("id", user.personId()).execute();
                // a new address may end a clash an older version left (V121): the one left is no longer marked
                EmailClashes.settle(handle, oldKey);
                EmailClashes.settle(handle, key);
                handle.createUpdate("UPDATE staff_user SET email = :email WHERE person_id = :id")
                        .bind("email", address).bind("id", user.personId()).execute();
                int ended = SessionStore.endAllOfPerson(handle, user.personId());
                StaffAccountHistory.changedForPerson(handle, user.personId(), StaffAccountHistory.EMAIL, address, by,
                        now);
                return ended;
            });
        } catch (UnableToExecuteStatementException e) {
            // another operator gave the address to another person meanwhile: the unique constraint refused it
            throw new IllegalArgumentException("the address " + address + " was given to another account meanwhile;"
                    + " run the command again to see where it stands", e);
        }
    }

    /** Whether the membership was removed for good ({@link #remove}). */
    private boolean removed(long membership) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM staff_user WHERE id = :id AND removed_at IS NOT NULL").bind("id", membership)
                .mapTo(Integer.class).one()) > 0;
    }

    /** How many live (not disabled) memberships the person with this address has: 0 when they cannot sign in at all. */
    public int liveMemberships(String email) {
        return (int) jdbi.withExtension(StaffUserDao.class, users -> users.memberships(email))
                .stream().filter(membership -> !membership.disabled()).count();
    }

    /** The account of this address at this school; an account of another school is "no such account". */
    private StaffUser membership(String school, String email) {
        return jdbi.withExtension(StaffUserDao.class, users -> users.findMembership(school == null ? "" : school, email))
                .orElseThrow(() -> new IllegalArgumentException("there is no account " + email + " at " + school));
    }
}
