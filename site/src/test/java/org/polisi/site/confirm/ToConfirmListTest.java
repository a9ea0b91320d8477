package org.polisi.site.confirm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's to-confirm list scans a template's files once for all the schools that adopt it
 * (docs/adr/0068-cold-build-start-up.md), and gives each school exactly the items a scan of that
 * school alone gives: the template's markers and placeholders at every adopter, none at a school
 * that adopts nothing, each school's own items only at that school.
 */
class ToConfirmListTest {

    @Test
    void eachSchoolGetsWhatItsOwnScanGivesWhenTemplateFilesAreScannedOnce(@TempDir Path folder) throws Exception {
        FixtureTree tree = FixtureTree.copyOf("good", folder)
                .write("clusters/demo/en/terms.adoc", """
                        = Terms
                        :page-kind: page

                        // polisi: confirm the cluster's term dates
                        Terms start in September.

                        Write to office@example.org with questions.
                        """)
                .write("clusters/demo/cy/terms.adoc", "= Tymhorau\n:page-kind: page\n\nMae'r tymor yn dechrau ym mis Medi.\n")
                .write("schools/second/school.yml", """
                        name: {en: Second School, cy: Ail Ysgol}
                        languages: [en, cy]
                        adopts: demo
                        contact-email: head@second.invalid
                        """)
                .write("schools/second/en/about.adoc", "= About us\n:page-kind: page\n\n// polisi: confirm the head's name\nOur head.\n")
                .write("schools/second/cy/about.adoc", "= Amdanom ni\n:page-kind: page\n\nEin pennaeth.\n");
        SiteCatalog catalog = CatalogStage.load(tree.options(false), new Problems());

        Map<String, List<ToConfirm>> bySite = ToConfirmList.bySite(catalog, new Problems());

        for (ResolvedSite site : catalog.sites()) {
            assertEquals(ToConfirmList.of(site, catalog.formsOf(site.id())), bySite.get(site.id()), site.id());
        }
        Path template = tree.file("clusters/demo/en/terms.adoc");
        for (String adopter : List.of("adopter", "second")) {
            List<ToConfirm> items = bySite.get(adopter);
            assertTrue(items.stream().anyMatch(i -> i.file().equals(template) && i.line() == 4
                    && i.what().equals("Terms start in September.")), adopter + ": " + items);
            assertTrue(items.stream().anyMatch(i -> i.file().equals(template) && i.line() == 7
                    && i.what().equals("placeholder address office@example.org")), adopter + ": " + items);
        }
        assertTrue(bySite.get("solo").stream().noneMatch(i -> i.file().equals(template)), bySite.get("solo").toString());
        Path own = tree.file("schools/second/en/about.adoc");
        assertTrue(bySite.get("second").stream().anyMatch(i -> i.file().equals(own) && i.what().equals("Our head.")));
        assertTrue(bySite.get("adopter").stream().noneMatch(i -> i.file().equals(own)));
        assertTrue(bySite.get("second").stream().anyMatch(i -> i.what().equals("placeholder address head@second.invalid")),
                bySite.get("second").toString());
    }
}
