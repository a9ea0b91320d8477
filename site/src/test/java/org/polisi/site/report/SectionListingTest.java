package org.polisi.site.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.fork.ResolvedSite;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./polisi report --sections SCHOOL} lists every section of the school's template, at every
 * level (those inside a replaced section too), with its id, its template= hash and what the school
 * does with it: the hash an author needs before overriding a level-3 section.
 */
class SectionListingTest {

    @Test
    void everySectionAtEveryLevelIsListedWithItsHash(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String template = tree.read("clusters/demo/en/policy.adoc").replace("[[community]]",
                "[[roles-governors]]\n=== Governors\n\nThe governors meet each term.\n\n[[community]]");
        tree.write("clusters/demo/en/policy.adoc", template);
        BuildResult result = tree.build(tree.options(false, "adopter"));
        ResolvedSite adopter = result.sites().get(0);

        List<SectionListing.Entry> english = SectionListing.of(adopter).stream()
                .filter(e -> e.page().equals("policy") && e.language().equals("en")).toList();
        assertEquals(List.of("1 intro inherited", "1 scope inherited", "1 roles replaced", "2 roles-governors within a replaced section",
                        "1 community removed", "1 review inherited"),
                english.stream().map(e -> e.level() + " " + e.id() + " " + e.status()).toList());
        english.forEach(e -> assertTrue(e.hash().matches("[0-9a-f]{12}"), e.toString()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SectionListing.print(adopter, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        String governors = english.get(3).hash();
        assertTrue(printed.contains("roles-governors") && printed.contains("template=" + governors), printed);
    }

    /**
     * Fault 5 of the 1 Dec tester's report: a sub-section of an inherited section is inherited, not
     * "within a changed section", and a heading that names a setting shows its value, in each language.
     */
    @Test
    void aSubSectionOfAnInheritedSectionIsInheritedAndHeadingsShowTheSchoolsWords(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        tree.write("clusters/demo/en/policy.adoc", tree.read("clusters/demo/en/policy.adoc").replace("[[roles]]",
                "[[scope-coordinator]]\n=== The role of {online-safety-coordinator}\n\nThey lead.\n\n"
                        + "[[scope-coordinator-training]]\n==== Training\n\nEach year.\n\n[[roles]]"));
        tree.write("clusters/demo/cy/policy.adoc", tree.read("clusters/demo/cy/policy.adoc").replace("[[roles]]",
                "[[scope-coordinator]]\n=== Rôl {online-safety-coordinator}\n\nMaen nhw'n arwain.\n\n"
                        + "[[scope-coordinator-training]]\n==== Hyfforddiant\n\nBob blwyddyn.\n\n[[roles]]"));
        ResolvedSite adopter = tree.build(tree.options(false, "adopter")).sites().get(0);

        List<SectionListing.Entry> entries = SectionListing.of(adopter).stream()
                .filter(e -> e.page().equals("policy") && e.id() != null && e.id().startsWith("scope")).toList();
        assertEquals(List.of(
                        "en 1 scope inherited Scope",
                        "en 2 scope-coordinator inherited The role of the online safety co-ordinator",
                        "en 3 scope-coordinator-training inherited Training",
                        "cy 1 scope inherited " + entries.get(3).title(),
                        "cy 2 scope-coordinator inherited Rôl y cydlynydd diogelwch ar-lein",
                        "cy 3 scope-coordinator-training inherited Hyfforddiant"),
                entries.stream().map(e -> e.language() + " " + e.level() + " " + e.id() + " " + e.status() + " " + e.title()).toList());
    }
}
