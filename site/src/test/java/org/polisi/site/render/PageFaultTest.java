package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Blame;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page that Polisi fails to make into HTML holds back its own school alone (issue: a JBake
 * NullPointerException was a problem at no file, which holds back every school): the error is at the
 * page's first line from the school's own folder, or at that folder, never at its template's lines.
 */
class PageFaultTest {
    private static final Path CLUSTER = Path.of("/content/clusters/ngp");
    private static final Path RUMNEY = Path.of("/content/schools/rumney");
    private static final Path BRYNFORD = Path.of("/content/schools/brynford");
    private static final Map<String, List<Path>> FOLDERS = Map.of("rumney", List.of(CLUSTER, RUMNEY), "brynford", List.of(CLUSTER, BRYNFORD));

    private static StagedPage page(SourceLine... origins) {
        return new StagedPage("rumney", "en", "online-safety-policy", "rumney/en/online-safety-policy", "= x\n",
                Arrays.asList(origins));
    }

    @Test
    void aFailedPageIsItsOwnSchoolsErrorAtItsOwnLine() {
        StagedPage adapted = page(null, new SourceLine("= Online Safety", CLUSTER.resolve("en/online-safety-policy.adoc"), 1),
                new SourceLine("|===", RUMNEY.resolve("en/online-safety-policy.adoc"), 12));

        Problem problem = PageFault.of(adapted, RUMNEY, PageFault.describe(new IllegalStateException("wrapped",
                new NullPointerException())));

        assertEquals(RUMNEY.resolve("en/online-safety-policy.adoc"), problem.file());
        assertEquals(12, problem.line());
        assertEquals("render-failed", problem.code());
        assertTrue(problem.message().contains("(NullPointerException)"), problem.message());
        assertFalse(problem.message().contains("\n"), "one line, no stack trace");
        assertEquals(Set.of("rumney"), Blame.sitesStoppedBy(List.of(problem), FOLDERS));
    }

    @Test
    void aTemplatePageTheSchoolDidNotAdaptIsReportedAtTheSchoolsFolderNotTheTemplates() {
        StagedPage inherited = page(new SourceLine("= Online Safety", CLUSTER.resolve("en/online-safety-policy.adoc"), 1));

        Problem problem = PageFault.of(inherited, RUMNEY, "no HTML was written");

        assertEquals(RUMNEY, problem.file());
        assertEquals(0, problem.line());
        assertEquals(Set.of("rumney"), Blame.sitesStoppedBy(List.of(problem), FOLDERS), "brynford, adopting the same template, goes on");
    }
}
