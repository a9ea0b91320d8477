package org.polisi.site.translation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problem;
import org.polisi.site.report.SiteReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A school that adapts a template page must adapt it the same way in each of its languages: an
 * English-only replace, insert or remove is a translation-missing error at the English directive,
 * counted by the report, and the Welsh page never keeps a removed section or its form.
 */
class AdaptationParityTest {
    private static final String ENGLISH = """
            = Online Safety Policy
            :adapts-template:

            // polisi: replace scope
            [[scope]]
            == Scope
            Our own scope.

            // polisi: insert-after scope
            [[mobile-phones]]
            == Mobile phones
            Pupils hand in their phones at the door.

            // polisi: remove community
            """;

    /** A Welsh adaptation that makes only the first of the English changes. */
    private static final String WELSH_SCOPE_ONLY = """
                = Polisi Diogelwch Ar-lein
                :adapts-template:
                :translation-status: draft

                // polisi: replace scope
                [[scope]]
                == Cwmpas
                Ein cwmpas ein hunain.
                """;

    private static FixtureTree tree(Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        // The template's community section carries a form, which must not survive its removal.
        tree.write("clusters/demo/forms/community-agreement.yml", FixtureTree.readFile(Fixtures.formsFixture("cluster/forms/parent-carer-agreement.yml"))
                .replace("id: parent-carer-agreement", "id: community-agreement"));
        for (String language : List.of("en", "cy")) {
            String page = tree.read("clusters/demo/" + language + "/policy.adoc");
            int at = page.indexOf("[[review]]");
            tree.write("clusters/demo/" + language + "/policy.adoc", page.substring(0, at) + "form::community-agreement[]\n\n" + page.substring(at));
        }
        tree.write("schools/adopter/en/policy.adoc", ENGLISH);
        return tree;
    }

    @Test
    void anEnglishOnlyAdaptationIsAMissingTranslationAtEachEnglishDirective(@TempDir Path folder) {
        FixtureTree tree = tree(folder);
        tree.write("schools/adopter/cy/policy.adoc", WELSH_SCOPE_ONLY);
        BuildResult result = tree.build("adopter");
        Path english = tree.file("schools/adopter/en/policy.adoc");
        List<String> missing = result.errors().stream().filter(p -> p.code().equals("translation-missing") && english.equals(p.file()))
                .map(p -> p.line() + " " + p.message().replaceFirst(" is made.*", "")).toList();
        assertEquals(List.of("9 'insert-after scope: mobile-phones'", "14 'remove community'"), missing,
                result.errors().toString());
        assertEquals(1, SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY).get(0).translationCounts().get("missing"));
        assertFalse(Files.exists(tree.published("adopter/cy/policy.html")), "the school is not published with a stale Welsh page");
    }

    @Test
    void aWelshPageWithoutAnAdaptingFileIsTold(@TempDir Path folder) throws Exception {
        FixtureTree tree = tree(folder);
        Files.delete(tree.file("schools/adopter/cy/policy.adoc"));
        BuildResult result = tree.build("adopter");
        Problem first = result.errors().stream().filter(p -> p.code().equals("translation-missing")).findFirst().orElseThrow();
        assertTrue(first.message().contains("add cy/policy.adoc with :adapts-template:"), first.message());
    }

    @Test
    void aChangeMadeOnlyInWelshIsStaleAtTheWelshDirective(@TempDir Path folder) {
        FixtureTree tree = tree(folder);
        tree.write("schools/adopter/en/policy.adoc", "= Online Safety Policy\n:adapts-template:\n\n// polisi: append\nAppended.\n");
        tree.write("schools/adopter/cy/policy.adoc", """
                = Polisi Diogelwch Ar-lein
                :adapts-template:
                :translation-status: draft

                // polisi: append
                Wedi'i atodi.

                // polisi: remove community
                """);
        BuildResult result = tree.build("adopter");
        List<String> stale = result.errors().stream().filter(p -> p.code().equals("translation-stale"))
                .map(p -> p.file().getFileName() + ":" + p.line()).toList();
        assertEquals(List.of("policy.adoc:8"), stale, result.errors().toString());
    }

    @Test
    void theSameAdaptationInBothLanguagesPublishesWithoutTheRemovedSectionOrItsForm(@TempDir Path folder) {
        FixtureTree tree = tree(folder);
        tree.write("schools/adopter/cy/policy.adoc", WELSH_SCOPE_ONLY + """

                // polisi: insert-after scope
                [[mobile-phones]]
                == Ffonau symudol
                Mae disgyblion yn rhoi eu ffonau wrth y drws.

                // polisi: remove community
                """);
        BuildResult result = tree.build("adopter");
        assertEquals(List.of(), result.errors().stream().filter(p -> p.code().startsWith("translation")).toList());
        assertTrue(result.publishedSites().contains("adopter"), result.errors().toString());
        for (String language : List.of("en", "cy")) {
            String page = FixtureTree.readFile(tree.published("adopter/" + language + "/policy.html"));
            assertTrue(page.contains("id=\"mobile-phones\""), language);
            assertFalse(page.contains("id=\"community\""), language);
            assertFalse(page.contains("community-agreement"), language + ": the removed section's form is gone too");
        }
    }
}
