package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code include::} reads only files of the including school's folder and its template's, relative
 * to the including file: the forms server's signing key, another school's settings and the
 * repository around content/ are refused at the include's line, and nothing of them is published.
 */
class IncludesTest {
    static final String SCHOOL = """
            name: {en: Lone School}
            languages: [en]
            roles:
              headteacher: Ms Head
            """;

    private static FixtureTree tree(Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/lone/school.yml", SCHOOL)
                .write("schools/other/school.yml", SCHOOL.replace("Lone", "Other") + "attributes:\n  secret-word: OTHER-SCHOOL-SETTING\n")
                .write("schools/other/en/page.adoc", "= Other\n:page-kind: page\n\nText of the other school.\n");
        try {
            Files.createDirectories(folder.resolve("data"));
            Files.writeString(folder.resolve("data/secret.key"), "SIGNING-KEY-BYTES");
            Files.writeString(folder.resolve("README.md"), "REPOSITORY-README");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tree;
    }

    @Test
    void anIncludeNextToThePageIsReadRelativeToIt(@TempDir Path folder) {
        FixtureTree tree = tree(folder)
                .write("schools/lone/en/page.adoc", "= Page\n:page-kind: page\n\ninclude::parts/rules.adoc[]\n")
                .write("schools/lone/en/parts/rules.adoc", "Rule one: be kind online.\n");
        BuildResult result = tree.build();
        assertEquals(List.of(), result.errors(), result.errors().toString());
        assertTrue(FixtureTree.readFile(tree.published("lone/en/page.html")).contains("Rule one: be kind online."));
    }

    @Test
    void includesOutsideTheSchoolsTreeAreErrorsAtTheirLineAndNothingOfThemIsPublished(@TempDir Path folder) {
        FixtureTree tree = tree(folder).write("schools/lone/en/page.adoc", """
                = Page
                :page-kind: page

                include::../../../../data/secret.key[]

                include::../../other/school.yml[]

                include::../../../../README.md[]

                include::../../../../../etc/passwd[]

                include::https://example.org/x.adoc[]

                Still here.
                """);
        BuildResult result = tree.build();
        Path page = tree.file("schools/lone/en/page.adoc");
        List<Integer> lines = result.errors().stream().filter(p -> p.code().equals("include-outside") || p.code().equals("bad-include"))
                .filter(p -> p.file().equals(page)).map(Problem::line).toList();
        assertEquals(List.of(4, 6, 8, 10, 12), lines, result.errors().toString());
        assertFalse(Files.exists(tree.published("lone/en/page.html")), "a school with an error is not published");
        String staged = FixtureTree.readFile(tree.staged("lone/en/page.html"));
        assertFalse(staged.contains("SIGNING-KEY-BYTES"));
        assertFalse(staged.contains("OTHER-SCHOOL-SETTING"));
        assertFalse(staged.contains("REPOSITORY-README"));
        assertTrue(staged.contains("Still here."));
        assertTrue(Files.exists(tree.published("other/en/page.html")), "the other school is published all the same");
    }

    @Test
    void aSchoolMayIncludeFromItsTemplateButNotFromAnotherCluster(@TempDir Path folder) {
        FixtureTree tree = tree(folder)
                .write("clusters/mine/cluster.yml", "name: {en: Mine}\nlanguages: [en]\n")
                .write("clusters/mine/en/shared/contact.adoc", "Ask the office for help.\n")
                .write("clusters/theirs/cluster.yml", "name: {en: Theirs}\nlanguages: [en]\n")
                .write("clusters/theirs/en/private.adoc", "THEIR-TEXT\n")
                .write("schools/lone/school.yml", SCHOOL + "adopts: mine\n")
                .write("schools/lone/en/page.adoc", """
                        = Page
                        :page-kind: page

                        include::../../../clusters/mine/en/shared/contact.adoc[]

                        include::../../../clusters/theirs/en/private.adoc[]
                        """);
        BuildResult result = tree.build("lone");
        assertEquals(List.of(6), result.errors().stream().map(Problem::line).toList(), result.errors().toString());
        String staged = FixtureTree.readFile(tree.staged("lone/en/page.html"));
        assertTrue(staged.contains("Ask the office for help."));
        assertFalse(staged.contains("THEIR-TEXT"));
    }

    @Test
    void aMissingIncludeNamesTheFileItWasLookedForNextTo(@TempDir Path folder) {
        FixtureTree tree = tree(folder).write("schools/lone/en/page.adoc", "= Page\n:page-kind: page\n\nText.\n\ninclude::nowhere.adoc[]\n");
        Problem problem = tree.build().errors().stream().filter(p -> p.code().equals("include-missing")).findFirst().orElseThrow();
        assertEquals(6, problem.line());
        assertTrue(problem.message().contains("next to page.adoc"), problem.message());
    }
}
