package org.polisi.forms.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an email and password. After {@code failuresBeforeLockout} wrong passwords in a row the
 * account is locked for {@code lockoutDuration}, even for the right password, and the count is
 * kept in the database so a restart does not reset it.
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int failuresBeforeLockout;
    private final Duration lockoutDuration;
    private final String decoyHash;

    public sealed interface Result {
        record Success(StaffUser user) implements Result { }
        record Refused() implements Result { }
        record Locked() implements Result { }
    }

    public LoginService(Jdbi jdbi, PasswordHasher hasher, Clock clock, int failuresBeforeLockout,
                        Duration lockoutDuration) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
        this.failuresBeforeLockout = failuresBeforeLockout;
        this.lockoutDuration = lockoutDuration;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    public Result login(String email, String password) {
        Optional<StaffUser> account = jdbi.withExtension(StaffUserDao.class,
                users -> users.findByEmail(email == null ? "" : email.strip()));
        if (account.isEmpty()) {
            hasher.matches(password == null ? "" : password, decoyHash); // same time as a real check
            LOG.info("Refused a staff login for an unknown email address");
            return new Result.Refused();
        }
        StaffUser user = account.get();
        Instant now = clock.instant();
        if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
            LOG.warn("Refused a login to locked account {} of {}", user.id(), user.school());
            return new Result.Locked();
        }
        if (!hasher.matches(password == null ? "" : password, user.passwordHash())) {
            int failures = user.failedLogins() + 1;
            boolean lock = failures >= failuresBeforeLockout;
            jdbi.useExtension(StaffUserDao.class, users ->
                    users.recordFailure(user.id(), lock ? 0 : failures, lock ? now.plus(lockoutDuration) : null));
            if (lock) {
                LOG.warn("Locked account {} of {} for {} after {} failed logins", user.id(), user.school(),
                        lockoutDuration, failures);
                return new Result.Locked();
            }
            LOG.info("Refused a login to account {} of {}: wrong password", user.id(), user.school());
            return new Result.Refused();
        }
        jdbi.useExtension(StaffUserDao.class, users -> users.recordSuccess(user.id()));
        LOG.info("Staff account {} of {} logged in", user.id(), user.school());
        return new Result.Success(user);
    }
}
