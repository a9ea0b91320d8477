package org.polisi.site.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.problem.Problems;

/**
 * A retention rule that no source states is listed "to confirm" at its {@code retention:} line, from
 * the form definitions the catalog loaded in stage 1 (issue 13: it read and checked every form of
 * the site a second time). Proved by taking the form's file away after the catalog is made: the item
 * is still listed, at the line the catalog read.
 */
class RetentionRulesToConfirmTest {

    @Test
    void aRuleToConfirmIsListedFromTheCatalogsFormsAtItsRetentionLine(@TempDir Path folder) throws IOException {
        String form = Files.readString(Fixtures.formsFixture("cluster/forms/digital-images-consent.yml"));
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/unsure/school.yml", """
                        name: {en: Unsure School, cy: Ysgol Ansicr}
                        languages: [en, cy]
                        """)
                .write("schools/unsure/en/policy.adoc", "= Policy\n:page-kind: policy\n\nText.\n")
                .write("schools/unsure/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\nTestun.\n")
                .write("schools/unsure/forms/digital-images-consent.yml", form);
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(tree.options(true), problems);
        assertTrue(catalog.formsOf("unsure").isPresent(), "the catalog read the form: " + problems.all());

        Path file = tree.file("schools/unsure/forms/digital-images-consent.yml");
        int retentionLine = Files.readAllLines(file).indexOf("retention:") + 1;
        Files.delete(file); // what is listed now can only come from the catalog

        List<ToConfirm> items = ToConfirmList.bySite(catalog, new Problems()).get("unsure").stream()
                .filter(item -> item.source().equals(RetentionRulesToConfirm.SOURCE)).toList();
        assertEquals(1, items.size(), items.toString());
        ToConfirm item = items.get(0);
        assertEquals(15, retentionLine, "the fixture's retention: line");
        assertEquals(retentionLine, item.line(), "at the retention: line");
        assertEquals(file, item.file());
        assertTrue(item.what().startsWith("form digital-images-consent: retention until the end of the school year "
                + "the pupil leaves (") && item.what().endsWith(") + 1 year(s)"), item.what());
        assertEquals("the fixture school must confirm it", item.why());
    }
}
