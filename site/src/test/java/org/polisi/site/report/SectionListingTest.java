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
        assertEquals(List.of("1 intro inherited", "1 scope inherited", "1 roles replaced", "2 roles-governors within a changed section",
                        "1 community removed", "1 review inherited"),
                english.stream().map(e -> e.level() + " " + e.id() + " " + e.status()).toList());
        english.forEach(e -> assertTrue(e.hash().matches("[0-9a-f]{12}"), e.toString()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SectionListing.print(adopter, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        String governors = english.get(3).hash();
        assertTrue(printed.contains("roles-governors") && printed.contains("template=" + governors), printed);
    }
}
