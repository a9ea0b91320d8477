package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.ChainVerifier;

/**
 * Issue 16: two real servers on two ports against one PostgreSQL database, as behind a load
 * balancer. Submissions for one school sent to both at once are each stored once, in one unbroken
 * chain per school (each append locks its school's chain), and a staff session made on one works on
 * the other.
 */
class TwoInstancesTest {

    private static final int EACH = 40;

    @Test
    void submissionsForOneSchoolSentToBothInstancesAtOnceMakeOneChainThatVerifies(@TempDir Path folder)
            throws Exception {
        ServerConfig config = sharedDatabase(folder);
        try (TestServer one = TestServer.start(config, Clock.systemUTC());
             TestServer other = TestServer.start(config, Clock.systemUTC())) {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                String agreementBody = form(with(agreement("en"), "parent-name", "Parent " + i));
                String consentBody = form(consent("cy", "Disgybl " + i, "given", "refused"));
                TestServer first = i % 2 == 0 ? one : other;
                TestServer second = i % 2 == 0 ? other : one;
                posts.add(() -> reference(first.browser().post("/forms/testschool/parent-agreement", agreementBody)));
                posts.add(() -> reference(second.browser().post("/forms/testschool/images-consent", consentBody)));
            }
            List<String> references = allAtOnce(posts);

            assertEquals(2 * EACH, new HashSet<>(references).size(), "every acknowledged submission has its own reference");
            assertEquals(2 * EACH, one.count("SELECT count(*) FROM submission"), "each stored once");
            assertEquals(2 * EACH, one.count("SELECT max(seq) FROM submission WHERE school = 'testschool'"));
            assertEquals(2 * EACH, other.count("SELECT count(*) FROM consent_event"), "two statements on each consent");
            List<ChainVerifier.SchoolResult> verified = new ChainVerifier(other.jdbi()).verifyAll();
            assertTrue(verified.stream().allMatch(result -> result.problem().isEmpty()), verified.toString());
            assertTrue(verified.stream().anyMatch(result -> result.chain().equals("consent-event")
                    && result.records() == 2 * EACH), verified.toString());

            one.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
            TestServer.Browser head = one.browser();
            assertEquals(303, head.login("head@test.example", TestServer.PASSWORD).statusCode());
            assertEquals(200, head.to(other).get("/staff/submissions/" + references.get(0)).statusCode(),
                    "a session made on one instance works on the other");
        }
    }

    @Test
    void theSameAnswersSentToBothInstancesAtOnceAreStoredOnceAndEveryCallerGetsItsReference(@TempDir Path folder)
            throws Exception {
        ServerConfig config = sharedDatabase(folder);
        try (TestServer one = TestServer.start(config, Clock.systemUTC());
             TestServer other = TestServer.start(config, Clock.systemUTC())) {
            for (int round = 0; round < 5; round++) {
                String body = form(consent("en", "Pupil " + round, "given", "refused"));
                List<Callable<String>> posts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    TestServer to = i % 2 == 0 ? one : other;
                    posts.add(() -> reference(to.browser().post("/forms/testschool/images-consent", body)));
                }
                List<String> references = allAtOnce(posts);
                assertEquals(1, new HashSet<>(references).size(), "round " + round + ": one reference for every caller " + references);
            }
            assertEquals(5, one.count("SELECT count(*) FROM submission"), "one copy of each set of answers");
            assertEquals(10, other.count("SELECT count(*) FROM consent_event"));
            List<ChainVerifier.SchoolResult> verified = new ChainVerifier(other.jdbi()).verifyAll();
            assertTrue(verified.stream().allMatch(result -> result.problem().isEmpty()), verified.toString());
        }
    }

    /** One PostgreSQL database for both instances, with the rate limit out of the way. */
    private static ServerConfig sharedDatabase(Path folder) throws Exception {
        return TestServer.onDatabase(TestServer.settings(folder).set("rate-limit.submissions", 100_000),
                TestDatabases.postgresql(), folder).load();
    }

    /** Sends the posts from 8 threads at once; their references, in the posts' order. */
    private static List<String> allAtOnce(List<Callable<String>> posts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<String> references = new ArrayList<>();
        try {
            for (Future<String> answer : threads.invokeAll(posts)) {
                references.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
        return references;
    }
}
