package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dates that cannot be true fail the build at the line that wrote them (fault 3 of the 1 Dec tester's
 * report). The build's today is {@link Fixtures#TODAY} (22 November 2026).
 */
class PolicyDateChecksTest {

    private static final String PAGE = "= Policy\n:page-kind: policy\n\nText.\n";

    /** The tester's example: approved and updated after today, and a review due before the approval. */
    @Test
    void aFutureApprovalAFutureUpdateAndAReviewBeforeTheApprovalAreErrorsAtTheirLines(@TempDir Path folder) {
        BuildResult result = build(folder, """
                name: {en: Test Primary}
                languages: [en]
                policy:
                  approved-by: "the governors"
                  approved-on: 2027-01-01
                  last-updated: "2027-03-01"
                  review-due: "2020-01-01"
                """, PAGE);
        assertEquals(List.of(
                "school.yml:5 approved-on: 2027-01-01 is after today (2026-11-22)",
                "school.yml:6 last-updated: 2027-03-01 is after today (2026-11-22)",
                "school.yml:7 review-due: 2020-01-01 is before approved-on (2027-01-01)"), described(result));
        assertTrue(result.errors().get(0).message().contains("leave approved-by and approved-on empty"), result.errors().toString());
        assertTrue(!result.published(), "nothing is published with an impossible date");
    }

    /** A month is after today only when all of it is; the current month is not. Day/month/year is read too. */
    @Test
    void monthsAndUkDatesAreComparedWithoutInventingADay(@TempDir Path folder) {
        assertEquals(List.of(), described(build(folder.resolve("now"), """
                name: {en: Test Primary}
                languages: [en]
                policy:
                  approved-by: the governors
                  approved-on: November 2026
                  last-updated: 22/11/2026
                  review-due: November 2026
                """, PAGE)), "this month, today, and a review in the month of approval can all be true");
        assertEquals(List.of(
                "school.yml:5 approved-on: 2026-12 is after today (2026-11-22)",
                "school.yml:6 last-updated: 2026-11-23 is after today (2026-11-22)",
                "school.yml:7 review-due: 2026-10 is before approved-on (2026-12)"), described(build(folder.resolve("later"), """
                name: {en: Test Primary}
                languages: [en]
                policy:
                  approved-by: the governors
                  approved-on: Rhagfyr 2026
                  last-updated: 23/11/2026
                  review-due: October 2026
                """, PAGE)));
    }

    /** A page's own header dates are checked over the school's, and reported at the page's line. */
    @Test
    void aPagesOwnDatesAreCheckedAtItsHeaderLine(@TempDir Path folder) {
        BuildResult result = build(folder, """
                name: {en: Test Primary}
                languages: [en]
                policy:
                  approved-by: the governors
                  approved-on: 2025-07-01
                  review-due: 2027-07-01
                """, "= Policy\n:page-kind: policy\n:review-due: 2025-06-30\n:last-updated: 2030-01-01\n\nText.\n");
        assertEquals(List.of(
                "policy.adoc:4 :last-updated: 2030-01-01 is after today (2026-11-22)",
                "policy.adoc:3 :review-due: 2025-06-30 is before approved-on (2025-07-01)"), described(result));
    }

    /** A page header date the build does not understand is reported at its header line, not at the file alone. */
    @Test
    void aPageDateNotUnderstoodIsReportedAtItsHeaderLine(@TempDir Path folder) {
        BuildResult result = build(folder, "name: {en: Test Primary}\nlanguages: [en]\n",
                "= Policy\n:page-kind: policy\n:review-due: 31/02/2027\n\nText.\n");
        assertEquals(List.of("bad-date policy.adoc:3 :review-due: '31/02/2027' is not a day: February 2027 has no day 31"),
                result.errors().stream().map(p -> p.code() + " " + p.file().getFileName() + ":" + p.line() + " "
                        + p.message().substring(0, p.message().indexOf(" (it has"))).toList());
    }

    /** Dates that can be true: approved in the past, review ahead, or overdue (the page says so). */
    @Test
    void datesThatCanBeTrueBuildCleanly(@TempDir Path folder) {
        assertEquals(List.of(), described(build(folder, """
                name: {en: Test Primary}
                languages: [en]
                policy:
                  approved-by: the governors
                  approved-on: 2023-09-14
                  last-updated: 2023-09-01
                  review-due: 2024-09-30
                """, PAGE)));
    }

    private static BuildResult build(Path folder, String settings, String page) {
        return FixtureTree.in(folder)
                .write("schools/test/school.yml", settings)
                .write("schools/test/en/policy.adoc", page)
                .build();
    }

    /** Each error as "file:line" and its message up to the first colon-free clause, for comparison. */
    private static List<String> described(BuildResult result) {
        return result.errors().stream().map(PolicyDateChecksTest::describe).toList();
    }

    private static String describe(Problem problem) {
        assertEquals(PolicyDateChecks.CODE, problem.code(), problem.toString());
        String message = problem.message();
        int end = message.indexOf("):");
        return problem.file().getFileName() + ":" + problem.line() + " " + (end < 0 ? message : message.substring(0, end + 1));
    }
}
