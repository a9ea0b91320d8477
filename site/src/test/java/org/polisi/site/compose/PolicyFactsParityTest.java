package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The English and Welsh pages of one policy state one version and one set of dates (tester 7's
 * finding 20: they could state different ones with no word). Built from the bilingual fixture school.
 */
class PolicyFactsParityTest {

    /** The fixture with {@code english} and {@code welsh} added under each policy page's title. */
    private static BuildResult build(Path folder, String english, String welsh) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        for (String[] page : new String[][] {{"en", english}, {"cy", welsh}}) {
            String path = "schools/adopter/" + page[0] + "/policy.adoc";
            String text = tree.read(path);
            int end = text.indexOf('\n');
            tree.write(path, text.substring(0, end + 1) + page[1] + text.substring(end + 1));
        }
        return tree.build("adopter");
    }

    private static List<Problem> differ(BuildResult result) {
        return result.errors().stream().filter(p -> p.code().equals(PolicyFactsParity.CODE)).toList();
    }

    @Test
    void aWelshPageStatingItsOwnReviewDateAndVersionIsAnErrorAtThoseLines(@TempDir Path folder) {
        BuildResult result = build(folder, "", ":review-due: 2028-07-31\n:version: 2.1\n");
        List<Problem> found = differ(result);
        assertEquals(2, found.size(), result.errors().toString());
        assertTrue(found.stream().allMatch(p -> p.file().toString().endsWith("cy/policy.adoc")), found.toString());
        assertEquals(List.of(2, 3), found.stream().map(Problem::line).sorted().toList());
        assertTrue(found.stream().anyMatch(p -> p.message().contains("'2028-07-31' and the en page '2027-11-30'")), found.toString());
    }

    @Test
    void anEnglishPageStatingItsOwnDateTheWelshDoesNotShowIsAnErrorAtTheEnglishLine(@TempDir Path folder) {
        BuildResult result = build(folder, ":last-updated: 2026-10-01\n", "");
        List<Problem> found = differ(result);
        assertEquals(1, found.size(), result.errors().toString());
        assertTrue(found.get(0).file().toString().endsWith("en/policy.adoc"), found.toString());
        assertEquals(2, found.get(0).line());
    }

    @Test
    void theSameFactsWrittenAlikeOrDifferentlyAreNoError(@TempDir Path folder) {
        BuildResult result = build(folder, ":review-due: 2028-07-31\n:version: 3.0\n", ":review-due: 31/07/2028\n:version: 3.0\n");
        assertEquals(List.of(), differ(result), result.errors().toString());
        BuildResult same = build(folder.resolve("b"), "", ":review-due: 30/11/2027\n");
        assertEquals(List.of(), differ(same), "the Welsh page's own date is the school's: " + same.errors());
    }

    @Test
    void aWelshHeaderDateNotUnderstoodIsABadDateAtItsLineNotABlank(@TempDir Path folder) {
        BuildResult result = build(folder, "", ":review-due: 30 Tachwedd 2027\n");
        List<Problem> bad = result.errors().stream().filter(p -> p.code().equals("bad-date")).toList();
        assertEquals(1, bad.size(), result.errors().toString());
        assertTrue(bad.get(0).file().toString().endsWith("cy/policy.adoc") && bad.get(0).line() == 2, bad.toString());
        assertEquals(List.of(), differ(result), "not reported twice");
    }
}
