package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.nio.file.Path;
import java.util.List;

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
}
