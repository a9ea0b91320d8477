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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
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

    /** Adds the account; throws IllegalArgumentException with a message for the operator when it cannot. */
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
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email must be an email address");
        }
        StaffRole staffRole = StaffRole.fromWord(role).orElseThrow(() -> new IllegalArgumentException(
                "role must be one of " + StaffRole.knownWords()));
        List<String> problems = policy.problems(password, List.of(name, email, school));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the password is not accepted: " + String.join("; ", problems));
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(handle -> {
                long id = handle.attach(StaffUserDao.class)
                        .insert(school, name.strip(), email.strip(), staffRole.word(), hash, now);
                try (WriteTransaction transaction = WriteTransaction.over(handle);
                     RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                    StaffAccountHistory.created(events, id, school, name.strip(), email.strip(), staffRole.word(), hash,
                            "command line", now);
                }
                return id;
            });
        } catch (UnableToExecuteStatementException e) {
            // one e-mail address is one account (sign-in is by address): say where it is, for the operator
            String where = jdbi.withExtension(StaffUserDao.class, users -> users.findByEmail(email.strip()))
                    .map(existing -> " at " + existing.school() + " (" + existing.role() + ")").orElse("");
            throw new IllegalArgumentException("an account with the email " + email + " already exists" + where
                    + "; an e-mail address can hold one account, at one school: use another address", e);
        }
    }

    /**
     * Gives an account a new password (when its holder has forgotten theirs): the same
     * {@link PasswordPolicy} as a new account's, the change appended to the school's staff account
     * chain (as the digest of the new hash, {@link StaffAccountHistory#passwordDigest}). The
     * account's second factor stays as it is: a reset never weakens sign-in to a password alone. Every
     * session of the account ends at once (whoever knew the old password may be signed in).
     *
     * @param school   the account's school (an account of another school is "no such account")
     * @param email    the account's e-mail address
     * @param password the new password
     * @param by       who issued it, as recorded ("headteacher Name, command line")
     * @throws IllegalArgumentException with a message for the operator when there is no such
     *     account or the password is refused
     */
    public void resetPassword(String school, String email, String password, String by) {
        StaffUser user = account(school, email);
        List<String> problems = policy.problems(password, List.of(user.name(), user.email(), school));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the password is not accepted: " + String.join("; ", problems));
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("UPDATE staff_user SET password_hash = :hash WHERE id = :id")
                    .bind("hash", hash).bind("id", user.id()).execute();
            SessionStore.endAll(handle, user.id());   // whoever knew the old password is signed out now
            try (WriteTransaction transaction = WriteTransaction.over(handle);
                 RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                StaffAccountHistory.changed(events, user.id(), StaffAccountHistory.PASSWORD,
                        StaffAccountHistory.passwordDigest(hash), by, now);
            }
        });
    }

    /**
     * Removes an account's second factor ({@code user reset --second-factor}): a lost phone, or a
     * sealed secret the key no longer opens (tester 3's fault 14). Every session of the account ends,
     * and the change is appended to the school's staff account chain ({@link
     * StaffAccountHistory#SECOND_FACTOR}, recorded as none), in one transaction; the account sets up
     * a new one at its next sign-in.
     *
     * @param by who did it, as recorded ("headteacher Name (command line)")
     * @return the number of sessions ended
     * @throws IllegalArgumentException when there is no such account, or it has no second factor
     */
    public int removeSecondFactor(String school, String email, String by) {
        StaffUser user = account(school, email);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            if (!SecondFactor.remove(handle, user.id())) {
                throw new IllegalArgumentException("the account " + email + " at " + school + " has no second factor");
            }
            int ended = SessionStore.endAll(handle, user.id());
            try (WriteTransaction transaction = WriteTransaction.over(handle);
                 RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                StaffAccountHistory.changed(events, user.id(), StaffAccountHistory.SECOND_FACTOR,
                        StaffAccountHistory.secondFactorDigest(null, List.of()), by, now);
            }
            return ended;
        });
    }

    /**
     * Disables an account (a member of staff who has left, a lost device) or enables it again. A
     * disabled account cannot sign in ({@link LoginService}: the same answer as a wrong password) and
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
        StaffUser user = account(school, email);
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

    /** The school's account with that e-mail address. @throws IllegalArgumentException when there is none */
    private StaffUser account(String school, String email) {
        return jdbi.withExtension(StaffUserDao.class, users -> users.findByEmail(email == null ? "" : email.strip()))
                .filter(found -> found.school().equals(school))
                .orElseThrow(() -> new IllegalArgumentException("there is no account " + email + " at " + school));
    }
}
