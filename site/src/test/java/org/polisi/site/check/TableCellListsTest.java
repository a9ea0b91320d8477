package org.polisi.site.check;

import org.junit.jupiter.api.Test;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List markers in a table cell that is not an {@code a|} cell: a warning at the line, with the fix. */
class TableCellListsTest {
    private static final Path FILE = Path.of("content/schools/x/en/policy.adoc");

    @Test
    void aListInAPlainCellIsOneWarningAtItsFirstListLineWithTheFix() {
        List<Problem> problems = check("""
                Intro.

                |===
                |Rule |Who
                |Passwords |* staff
                * pupils
                |===
                """);
        assertEquals(List.of(5), problems.stream().map(Problem::line).toList());
        Problem first = problems.get(0);
        assertEquals(Problem.Severity.WARNING, first.severity());
        assertEquals("list-in-table-cell", first.code());
        assertEquals(FILE, first.file());
        assertTrue(first.message().contains("a|"), first.message());
    }

    @Test
    void everyKindOfListMarkerIsFound() {
        for (String marker : List.of("* one", "- one", ". one", "** one", "1. one", ".. one")) {
            assertEquals(1, check("|===\n|Cell\n" + marker + "\n|===\n").size(), marker);
        }
    }

    @Test
    void aSpannedOrHeaderCellIsStillPlain() {
        assertEquals(1, check("|===\n|A |B\n2+|* spanned\n|===\n").size());
        assertEquals(1, check("|===\n|A |B\nh|* header |x\n|===\n").size());
    }

    @Test
    void anAsciidocCellOrColumnMayHoldAList() {
        assertEquals(List.of(), check("|===\n|Rule a|* staff\n* pupils\n|===\n"));
        assertEquals(List.of(), check("|===\n|Rule\na|\n* staff\n* pupils\n|===\n"));
        assertEquals(List.of(), check("[cols=\"1,2a\"]\n|===\n|Rule |* staff\n* pupils\n|===\n"));
        assertEquals(List.of(), check("[cols=\"2*a\"]\n|===\n|* one |* two\n|===\n"));
    }

    @Test
    void theNextCellOfAnAsciidocColumnIsCheckedByItsOwnColumn() {
        assertEquals(List.of(3, 7), check("[cols=\"1a,1\"]\n|===\n|* fine |* not fine\n|plain\n|text\n|* fine again\n|* not fine\n|===\n")
                .stream().map(Problem::line).toList());
    }

    @Test
    void listsOutsideTablesAndTextInCellsAreLeftAlone() {
        assertEquals(List.of(), check("* one\n* two\n\n|===\n|A star: 5 * 3 |B - C\n|===\n"));
    }

    @Test
    void aBuildWarnsAtTheAuthorsFileAndLineAndAStrictBuildRefusesIt() throws Exception {
        Path folder = java.nio.file.Files.createTempDirectory("polisi-list-in-cell-");
        try {
            org.polisi.site.BuildOptions options = org.polisi.site.Fixtures.options(org.polisi.site.Fixtures.content("list-in-cell"), folder, List.of("lonely"));
            org.polisi.site.BuildResult lenient = new org.polisi.site.SiteBuild(options.withStrict(false), line -> { }).run();
            List<Problem> warnings = lenient.warnings().stream().filter(p -> p.code().equals("list-in-table-cell")).toList();
            assertEquals(List.of(12), warnings.stream().map(Problem::line).toList(), lenient.problems().toString());
            assertTrue(warnings.get(0).file().endsWith(Path.of("lonely/en/policy.adoc")));
            assertTrue(lenient.published(), "a warning does not stop a build");
            org.polisi.site.BuildResult strict = new org.polisi.site.SiteBuild(options, line -> { }).run();
            assertTrue(strict.errors().stream().anyMatch(p -> p.code().equals("list-in-table-cell") && p.line() == 12));
        } finally {
            org.polisi.site.render.FileTrees.deleteRecursively(folder);
        }
    }

    private static List<Problem> check(String text) {
        List<SourceLine> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            lines.add(new SourceLine(split[i], FILE, i + 1));
        }
        Problems problems = new Problems();
        TableCellLists.checkLines(lines, problems);
        return problems.all();
    }
}
