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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.ChainVerifier;

/** Many parents at once: group commit stores every one, in one unbroken chain, and still spots resubmissions. */
class ConcurrentIntakeTest {

    private static final int THREADS = 16;
    private static final int AGREEMENTS = 100;
    private static final int CONSENTS = 100;
    private static final int RESUBMITTED_PAIRS = 10;

    @Test
    void twoHundredSubmissionsFromSixteenThreadsAreAllStoredEachWithItsOwnReferenceInAChainThatVerifies(
            @TempDir Path temporaryFolder) throws Exception {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 100_000).load(), Clock.systemUTC())) {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < AGREEMENTS; i++) {
                String body = form(with(agreement("en"), "parent-name", "Parent " + i));
                posts.add(() -> post(server, "/forms/testschool/parent-agreement", body));
            }
            for (int i = 0; i < CONSENTS; i++) {
                String body = form(consent("en", "Pupil " + i, "given", "refused"));
                posts.add(() -> post(server, "/forms/testschool/images-consent", body));
            }

            List<String> references = runAll(posts);

            Set<String> distinct = new HashSet<>(references);
            assertEquals(AGREEMENTS + CONSENTS, distinct.size(), "each submission has its own reference");
            assertEquals(AGREEMENTS + CONSENTS, server.count("SELECT count(*) FROM submission"));
            assertEquals(AGREEMENTS + CONSENTS, server.count("SELECT max(seq) FROM submission WHERE school = 'testschool'"));
            assertEquals(CONSENTS * 2, server.count("SELECT count(*) FROM consent_event"),
                    "two statements answered on each consent form");
            List<ChainVerifier.SchoolResult> verified = new ChainVerifier(server.jdbi()).verifyAll();
            assertTrue(verified.stream().allMatch(result -> result.problem().isEmpty()), verified.toString());
        }
    }

    @Test
    void theSameAnswersSentTwiceAtTheSameMomentAreStoredOnceAndBothGetTheFirstReference(
            @TempDir Path temporaryFolder) throws Exception {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 100_000).load(), Clock.systemUTC())) {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < RESUBMITTED_PAIRS; i++) {
                String body = form(with(agreement("en"), "parent-name", "Twice " + i));
                posts.add(() -> post(server, "/forms/testschool/parent-agreement", body));
                posts.add(() -> post(server, "/forms/testschool/parent-agreement", body));
            }

            List<String> references = runAll(posts);

            for (int i = 0; i < RESUBMITTED_PAIRS; i++) {
                assertEquals(references.get(2 * i), references.get(2 * i + 1), "pair " + i);
            }
            assertEquals(RESUBMITTED_PAIRS, server.count("SELECT count(*) FROM submission"));
        }
    }

    private static String post(TestServer server, String path, String body) {
        return reference(server.browser().post(path, body));
    }

    /** Runs the posts on {@link #THREADS} threads; their references, in the order of the posts. */
    private static List<String> runAll(List<Callable<String>> posts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<String> references = new ArrayList<>();
            for (Future<String> answer : threads.invokeAll(posts)) {
                references.add(answer.get());
            }
            return references;
        } finally {
            threads.shutdownNow();
        }
    }
}
