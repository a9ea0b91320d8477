package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.storage.Database;

/**
 * Issue 16: the sign-in lock-out counters are shared by every instance on the database. Two
 * instances (two connection pools, as two processes have) counting failures for one subject at the
 * same moment lose none of them, so a lock-out cannot be escaped by spreading guesses over instances.
 */
class SharedLockoutTest {

    private static final int FAILURES = 40;

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void failuresCountedAtOnceOnTwoInstancesAreAllCounted(TestDatabases.Kind kind, @TempDir Path folder) throws Exception {
        DatabaseAddress address = TestDatabases.fresh(kind, folder);
        try (Database one = Database.connect(address); Database other = Database.connect(address)) {
            List<LoginThrottle> instances = List.of(
                    new LoginThrottle(one.jdbi(), Clock.systemUTC(), 5, Duration.ofSeconds(1), Duration.ofMinutes(15)),
                    new LoginThrottle(other.jdbi(), Clock.systemUTC(), 5, Duration.ofSeconds(1), Duration.ofMinutes(15)));
            List<Callable<LoginThrottle.Failure>> guesses = new ArrayList<>();
            for (int i = 0; i < FAILURES; i++) {
                LoginThrottle instance = instances.get(i % 2);
                guesses.add(() -> instance.fail(LoginThrottle.account("head@test.example")));
            }
            ExecutorService threads = Executors.newFixedThreadPool(8);
            int startedBackOff = 0;
            try {
                for (Future<LoginThrottle.Failure> failure : threads.invokeAll(guesses)) {
                    startedBackOff += failure.get().backOffStarted() ? 1 : 0;
                }
            } finally {
                threads.shutdownNow();
            }
            int counted = one.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT failures FROM login_throttle WHERE subject = 'account:head@test.example'")
                    .mapTo(Integer.class).one());
            assertEquals(FAILURES, counted, "every failure counted once");
            assertEquals(1, startedBackOff, "the back-off started once");
            assertTrue(instances.get(1).waitFor(LoginThrottle.account("head@test.example")).isPresent(),
                    "the other instance sees the lock-out");
        }
    }
}
