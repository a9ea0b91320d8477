package org.polisi.site.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While a school has errors, {@code ./polisi preview} shows them on its pages (the last good ones),
 * with file and line, at the top of the page; other schools' pages are served unchanged.
 */
class PreviewErrorsTest {

    @Test
    void theErrorsOfASchoolAreShownOnItsPagesUntilFixed(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        tree.build();
        tree.write("schools/solo/en/policy.adoc", tree.read("schools/solo/en/policy.adoc") + "\nSee xref:nowhere.adoc[the rules].\n");
        BuildResult broken = tree.build();
        String last = FixtureTree.readFile(tree.published("solo/en/policy.html"));

        Document shown = Jsoup.parse(PreviewErrors.show(last, "/solo/en/policy.html", broken, folder));
        Element box = shown.selectFirst("body > section[role=alert]");
        assertNotNull(box);
        assertTrue(box.text().contains("content/schools/solo/en/policy.adoc:"), box.text());
        assertTrue(box.text().contains("leads to no page of this site"), box.text());
        assertTrue(box.selectFirst("h2").text().startsWith("Preview: 1 error keeps this site from being published"),
                box.selectFirst("h2").text());

        String adopter = FixtureTree.readFile(tree.published("adopter/en/policy.html"));
        assertEquals(adopter, PreviewErrors.show(adopter, "/adopter/en/policy.html", broken, folder));

        tree.write("schools/solo/en/policy.adoc", tree.read("schools/solo/en/policy.adoc").replace("xref:nowhere.adoc[the rules]", "the rules"));
        BuildResult fixed = tree.build();
        String page = FixtureTree.readFile(tree.published("solo/en/policy.html"));
        assertNull(Jsoup.parse(PreviewErrors.show(page, "/solo/en/policy.html", fixed, folder)).selectFirst("section[role=alert]"));
    }
}
