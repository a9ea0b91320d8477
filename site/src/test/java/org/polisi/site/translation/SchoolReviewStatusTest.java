package org.polisi.site.translation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A school's {@code :translation-status:} in its adaptation of a template page decides the page's
 * status, as every header attribute of a school's file wins over its template's (issue: a school's
 * {@code reviewed} was silently ignored while the template's Welsh was a draft, so the draft notice
 * stayed). Without one, the page is reviewed only when every file it is made of says so.
 */
class SchoolReviewStatusTest {

    private static TranslationState.Status statusOf(FixtureTree tree) {
        SiteCatalog catalog = CatalogStage.load(tree.options(false), new Problems());
        return catalog.translations().get("adopter").stream()
                .filter(state -> state.pageKey().equals("policy") && state.language().equals("cy"))
                .findFirst().orElseThrow().status();
    }

    @Test
    void theSchoolsOwnStatusDecidesOverItsTemplates(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String template = tree.read("clusters/demo/cy/policy.adoc");
        String school = tree.read("schools/adopter/cy/policy.adoc");

        tree.write("clusters/demo/cy/policy.adoc", template.replace(":translation-status: reviewed", ":translation-status: draft"))
                .write("schools/adopter/cy/policy.adoc", school.replace(":translation-status: draft", ":translation-status: reviewed"));
        assertEquals(TranslationState.Status.REVIEWED, statusOf(tree), "the school reviewed the page it publishes");

        tree.write("schools/adopter/cy/policy.adoc", school);
        assertEquals(TranslationState.Status.DRAFT, statusOf(tree), "the school says draft");

        tree.write("schools/adopter/cy/policy.adoc", school.replace(":translation-status: draft\n", ""));
        assertEquals(TranslationState.Status.DRAFT, statusOf(tree), "no status of its own: the template's draft stands");
    }
}
