package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What a reader can use on a page is on both languages' versions of it: forms, links to other
 * pages (appendices) and images (tester 3's fault 11: a form on the English page only built
 * cleanly and the Welsh page had no form).
 */
class LanguageParityTest {
    private static final String EN = "schools/hillside/en/staff-agreement.adoc";
    private static final String CY = "schools/hillside/cy/staff-agreement.adoc";

    @Test
    void aFormOnTheEnglishPageOnlyIsAnErrorAtItsLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        tree.write(CY, tree.read(CY).replace("form::staff-agreement[]\n", ""));

        BuildResult result = tree.build();

        assertEquals(List.of(EN + ":10 translation-missing form staff-agreement is on the English page but not on the Welsh one"
                + " (cy/staff-agreement.adoc): add it there too, so readers of either language can use it"), errors(tree, result));
        assertFalse(result.published());
    }

    @Test
    void aFormOnTheWelshPageOnlyIsAnErrorAtItsLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        tree.write(EN, tree.read(EN).replace("form::staff-agreement[]\n", ""));

        BuildResult result = tree.build();

        assertEquals(List.of(CY + ":11 translation-missing form staff-agreement is on the Welsh page but not on the English one"
                + " (en/staff-agreement.adoc): add it there too, so readers of either language can use it"), errors(tree, result));
    }

    @Test
    void aLinkToAnotherPageInOneLanguageOnlyIsAnError(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        tree.write("schools/hillside/en/rules.adoc", "= Rules\n:page-kind: appendix\n\nBe kind.\n");
        tree.write("schools/hillside/cy/rules.adoc", "= Rheolau\n:page-kind: appendix\n:translation-status: reviewed\n\nByddwch yn garedig.\n");
        tree.write(EN, tree.read(EN) + "\nSee xref:rules.adoc[the rules].\n");
        tree.write(CY, tree.read(CY) + "\nGweler y rheolau.\n");

        BuildResult result = tree.build();

        assertEquals(List.of(EN + ":12 translation-missing the link to page rules is on the English page but not on the Welsh one"
                + " (cy/staff-agreement.adoc): add it there too, so readers of either language can use it"), errors(tree, result));
    }

    /**
     * Tester 4's fault 6: a link the English page has and the Welsh lacks was missed when written
     * {@code <<page.adoc#,text>>} or {@code link:page.html[text]}; the same page linked in another
     * syntax on the other page is the same link.
     */
    @Test
    void aLinkInOneLanguageOnlyIsAnErrorWhicheverWayItIsWritten(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        tree.write("schools/hillside/en/rules.adoc", "= Rules\n:page-kind: appendix\n\nBe kind.\n");
        tree.write("schools/hillside/cy/rules.adoc", "= Rheolau\n:page-kind: appendix\n:translation-status: reviewed\n\nByddwch yn garedig.\n");
        tree.write("schools/hillside/en/visits.adoc", "= Visits\n:page-kind: appendix\n\nCome at nine.\n");
        tree.write("schools/hillside/cy/visits.adoc", "= Ymweliadau\n:page-kind: appendix\n:translation-status: reviewed\n\nDewch am naw.\n");
        tree.write(EN, tree.read(EN) + "\nSee <<rules.adoc#,the rules>>.\n\nAlso link:visits.html[visits].\n");
        tree.write(CY, tree.read(CY) + "\nGweler y rheolau.\n\nHefyd xref:visits.adoc[ymweliadau].\n");

        BuildResult result = tree.build();

        assertEquals(List.of(EN + ":12 translation-missing the link to page rules is on the English page but not on the Welsh one"
                + " (cy/staff-agreement.adoc): add it there too, so readers of either language can use it"), errors(tree, result));
    }

    @Test
    void anImageInOneLanguageOnlyIsAnErrorButAWelshFileOfItsOwnIsNot(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        tree.writeBytes("schools/hillside/assets/poster.png", png());
        tree.writeBytes("schools/hillside/assets/poster-cy.png", png());
        tree.write(EN, tree.read(EN) + "\nimage::poster.png[The poster]\n");
        tree.write(CY, tree.read(CY) + "\nimage::poster-cy.png[Y poster]\n");
        assertEquals(List.of(), errors(tree, tree.build()), "one image each, its own file in each language");

        tree.write(CY, tree.read(CY).replace("\nimage::poster-cy.png[Y poster]\n", "\n"));
        assertEquals(List.of(EN + ":12 translation-missing 1 images (0 in Welsh) is on the English page but not on the Welsh one"
                + " (cy/staff-agreement.adoc): add it there too, so readers of either language can use it"), errors(tree, tree.build()));
    }

    private static List<String> errors(FixtureTree tree, BuildResult result) {
        return result.errors().stream().map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code() + " "
                + p.message()).toList();
    }

    /** The smallest valid PNG: one transparent pixel. */
    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }

    /**
     * The compose stage reads a template page once for all the schools that inherit it
     * (docs/adr/0090): a school whose own Welsh page drops a link is still found, at the English
     * line, naming its page; its neighbour and the template's preview, which share the template's
     * Welsh page, are not blamed; and a school inheriting both pages unchanged is clean.
     */
    @Test
    void aSchoolsOwnPageIsComparedWhileItsNeighboursShareTheTemplatesPages(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String settings = tree.read("schools/adopter/school.yml").replace("adopter", "riverbank");
        tree.write("schools/riverbank/school.yml", settings);
        tree.write("schools/heathfield/school.yml", settings.replace("riverbank", "heathfield"));
        tree.write("schools/riverbank/cy/policy.adoc", tree.read("clusters/demo/cy/policy.adoc")
                .replace("Mae rhieni'n llofnodi'r cytundeb yn xref:appendix-a-agreement.adoc[Atodiad A] pan fydd eu plentyn yn ymuno.",
                        "Mae rhieni'n llofnodi'r cytundeb pan fydd eu plentyn yn ymuno."));

        BuildResult result = tree.build();

        assertEquals(List.of("clusters/demo/en/policy.adoc:10 translation-missing the link to page appendix-a-agreement is on the"
                        + " English page but not on the Welsh one (cy/policy.adoc): add it there too, so readers of either language can use it"),
                errors(tree, result).stream().filter(error -> error.contains("translation-missing")).toList());
        // Before the verdict merges the same finding of several sites into one: riverbank's alone, in either order of sites.
        SiteCatalog catalog = CatalogStage.load(tree.options(false), new Problems());
        assertEquals(List.of("adopter", "heathfield", "riverbank", "solo", "demo-template"), catalog.sites().stream().map(ResolvedSite::id).toList());
        List<ResolvedSite> reversed = new java.util.ArrayList<>(catalog.sites());
        java.util.Collections.reverse(reversed);
        for (List<ResolvedSite> sites : List.of(catalog.sites(), reversed)) {
            LanguageParity parity = new LanguageParity();
            Map<String, Integer> found = new LinkedHashMap<>();
            for (ResolvedSite site : sites) {
                Problems problems = new Problems();
                parity.check(site, catalog.formsOf(site.id()), problems);
                found.put(site.id(), problems.all().size());
            }
            assertEquals(Map.of("adopter", 0, "heathfield", 0, "riverbank", 1, "solo", 0, "demo-template", 0), found);
        }
    }
}
