package org.polisi.forms.staff;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.i18n.WaitTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a sign-in so that the answer tells nothing about which accounts exist (ASVS 5.0 V6 (Authentication),
 * issue 23 fault 6): an unknown address, a wrong password and a throttled attempt each cost one
 * Argon2id check (against a decoy hash where there is no account) and get the same words, and so does
 * a disabled account ({@code user disable}) with its right password; a right
 * password moves on to the second factor when the account has one.
 *
 * <p>Failures slow the client address and the account name down ({@link LoginThrottle}); the
 * account's back-off does not apply to a browser that has signed in to that account before (a
 * remembered device, OWASP "device cookies"), so a stranger's guesses cannot lock its holder out.
 * The holder is e-mailed when the account's back-off starts.
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecondFactor secondFactor;
    private final LockoutNotifier notifier;
    private final String decoyHash;

    /** What a sign-in step comes to. */
    public sealed interface Result {
        /** Signed in to this membership; {@code enrolmentDue} when its role needs a second factor the person has not set up. */
        record Success(StaffUser user, boolean enrolmentDue) implements Result { }
        /** The password (and second factor) were right and the person has several live memberships: ask which school. */
        record SchoolChoice(long personId, List<StaffUser> memberships) implements Result { }
        /** The password was right and the person has a second factor: ask for its code. */
        record SecondFactorNeeded(StaffUser user) implements Result { }
        /** Wrong (or unknown) address, password or code: the same for all three. */
        record Refused() implements Result { }
        /** Too many failures from this address, or for this account name: wait that long (told as the log tells it). */
        record Throttled(WaitTime retryAfter) implements Result { }
    }

    public LoginService(Jdbi jdbi, PasswordHasher hasher, LoginThrottle throttle, SecondFactor secondFactor,
                        LockoutNotifier notifier) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.notifier = notifier;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    /**
     * The first step: e-mail address and password, the person's (docs/adr/0080). A person whose
     * every membership is disabled is refused as a wrong password is.
     *
     * @param clientAddress  the client's address (for its back-off)
     * @param rememberedDevice true when the browser holds a valid device cookie for this e-mail address
     * @return {@link Result.SecondFactorNeeded} (naming the person's first live membership), a
     *     {@link Result.Success} or {@link Result.SchoolChoice}, or a refusal
     */
    public Result login(String email, String password, String clientAddress, boolean rememberedDevice) {
        String typed = password == null ? "" : password;
        String address = LoginThrottle.address(clientAddress);
        String account = LoginThrottle.account(email);
        Optional<Duration> wait = waitFor(address, account, rememberedDevice);
        List<StaffUser> memberships = jdbi.withExtension(StaffUserDao.class,
                users -> users.memberships(email));
        Optional<StaffUser> user = memberships.stream().findFirst();
        List<StaffUser> live = memberships.stream().filter(membership -> !membership.disabled()).toList();
        // one Argon2id check whatever happens, so the time taken tells nothing either
        boolean matches = hasher.matches(typed, user.map(StaffUser::passwordHash).orElse(decoyHash));
        if (wait.isPresent()) {
            return throttled(wait.get());
        }
        if (user.isEmpty() || !matches) {
            return failed(address, account, user, clientAddress, "wrong e-mail address or password");
        }
        if (live.isEmpty()) {   // the same answer as a wrong password, after the same Argon2id check
            return failed(address, account, user, clientAddress, memberships.size() == 1 ? "the account is disabled"
                    : "every one of the person's " + memberships.size() + " memberships is disabled");
        }
        if (secondFactor.enrolled(user.get().personId())) {
            return new Result.SecondFactorNeeded(live.get(0));
        }
        return succeeded(address, account, live);
    }

    /** The second step, for a person whose password was right: their TOTP code or a recovery code. */
    public Result secondStep(long personId, String code, String clientAddress, boolean rememberedDevice) {
        List<StaffUser> memberships = jdbi.withExtension(StaffUserDao.class, users -> users.membershipsOf(personId));
        Optional<StaffUser> user = memberships.stream().findFirst();
        String address = LoginThrottle.address(clientAddress);
        String account = LoginThrottle.account(user.map(StaffUser::email).orElse(""));
        Optional<Duration> wait = waitFor(address, account, rememberedDevice);
        if (wait.isPresent()) {
            return throttled(wait.get());
        }
        List<StaffUser> live = memberships.stream().filter(membership -> !membership.disabled()).toList();
        if (live.isEmpty()) {
            return failed(address, account, user, clientAddress, "the account is disabled");
        }
        if (!secondFactor.verify(personId, code)) {
            return failed(address, account, user, clientAddress, "wrong second-factor code");
        }
        return succeeded(address, account, live);
    }

    /**
     * The school chosen by a person who has passed the password and second factor (or by one signed
     * in who switches school): their membership at that school, when it is theirs and live.
     *
     * @param personId     the person the sign-in (or session) belongs to
     * @param membershipId what the form posted, unchecked (null, another person's, disabled: empty)
     */
    public Optional<Result.Success> choose(long personId, String membershipId) {
        if (membershipId == null || !membershipId.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long chosen = Long.parseLong(membershipId);
        return jdbi.withExtension(StaffUserDao.class, users -> users.membershipsOf(personId)).stream()
                .filter(membership -> membership.id() == chosen && !membership.disabled())
                .findFirst()
                .map(membership -> {
                    LOG.info("Staff person {} chose their membership {} of {}", personId, membership.id(),
                            membership.school());
                    return success(membership);
                });
    }

    /** The person's e-mail address (for their remembered device), or "" when there is no such person. */
    public String email(long personId) {
        return jdbi.withExtension(StaffUserDao.class, users -> users.membershipsOf(personId)).stream()
                .findFirst().map(StaffUser::email).orElse("");
    }

    /** The person's live memberships, oldest first: the schools a signed-in person may switch to. */
    public List<StaffUser> liveMemberships(long personId) {
        return jdbi.withExtension(StaffUserDao.class, users -> users.membershipsOf(personId)).stream()
                .filter(membership -> !membership.disabled()).toList();
    }

    /** The one log line of a throttled step, with the wait exactly as the page will tell it. */
    private static Result throttled(Duration wait) {
        WaitTime told = WaitTime.of(wait);
        LOG.info("Refused a staff sign-in from a client that must wait {}", told);
        return new Result.Throttled(told);
    }

    private Optional<Duration> waitFor(String address, String account, boolean rememberedDevice) {
        Optional<Duration> forAddress = throttle.waitFor(address);
        Optional<Duration> forAccount = rememberedDevice ? Optional.empty() : throttle.waitFor(account);
        if (forAddress.isPresent() && forAccount.isPresent()) {
            return Optional.of(forAddress.get().compareTo(forAccount.get()) > 0 ? forAddress.get() : forAccount.get());
        }
        return forAddress.or(() -> forAccount);
    }

    private Result failed(String address, String account, Optional<StaffUser> user, String clientAddress, String why) {
        throttle.fail(address);
        LoginThrottle.Failure failure = throttle.fail(account);
        if (user.isPresent() && failure.backOffStarted()) {
            // one line for the refusal, the back-off it starts and the holder's notice (issue 23: one per request)
            String told = notifier.backOffStarted(user.get(), clientAddress, failure.blockedUntil());
            LOG.warn("Refused a sign-in to staff account {} of {}: {}; its sign-ins now wait after {} failures, and {}",
                    user.get().id(), user.get().school(), why, failure.failures(), told);
        } else if (user.isPresent()) {
            LOG.info("Refused a sign-in to staff account {} of {}: {}", user.get().id(), user.get().school(), why);
        } else {
            LOG.info("Refused a staff sign-in for an address that is no account");
        }
        return new Result.Refused();
    }

    private Result succeeded(String address, String account, List<StaffUser> live) {
        throttle.clear(address);
        throttle.clear(account);
        if (live.size() > 1) {
            LOG.info("Staff person {} signed in, with {} schools to choose from", live.get(0).personId(), live.size());
            return new Result.SchoolChoice(live.get(0).personId(), live);
        }
        StaffUser user = live.get(0);
        LOG.info("Staff account {} of {} signed in", user.id(), user.school());
        return success(user);
    }

    /** Signed in to one membership: its role may need a second factor the person has not set up. */
    private Result.Success success(StaffUser user) {
        return new Result.Success(user, !secondFactor.enrolled(user.personId()) && secondFactor.required(user));
    }
}
