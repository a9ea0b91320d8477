package org.polisi.site.publish;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build publishes what it built without errors next to the last good output of everything
 * else: {@code build --school X} leaves the other schools and their manifests in place, a school
 * with an error keeps its last good pages while the others are published, and a build in which
 * nothing could be built never replaces a working site with an empty one.
 */
class PartialPublicationTest {

    private static List<String> schoolsInIndex(FixtureTree tree) throws IOException {
        return Jsoup.parse(tree.published("index.html").toFile(), "UTF-8").select(".school-list h2 a").eachAttr("href");
    }

    @Test
    void buildingOneSchoolKeepsTheOthersAndTheirManifests(@TempDir Path folder) throws IOException {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        assertTrue(tree.build().published());
        List<String> before = schoolsInIndex(tree);
        String adopterPage = FixtureTree.readFile(tree.published("adopter/en/policy.html"));

        String policy = tree.read("schools/solo/en/policy.adoc");
        tree.write("schools/solo/en/policy.adoc", policy + "\nA sentence added today.\n");
        BuildResult partial = tree.build("solo");

        assertEquals(List.of(), partial.errors());
        assertEquals(java.util.Set.of("solo"), partial.publishedSites());
        assertTrue(FixtureTree.readFile(tree.published("solo/en/policy.html")).contains("A sentence added today."));
        assertEquals(adopterPage, FixtureTree.readFile(tree.published("adopter/en/policy.html")));
        assertTrue(Files.isRegularFile(tree.published("demo-template/cy/policy.html")));
        for (String school : List.of("adopter", "solo", "demo-template")) {
            assertTrue(Files.isRegularFile(folder.resolve("manifests").resolve(school + ".json")), school);
        }
        assertEquals(before, schoolsInIndex(tree), "the root index still lists every school");
        assertTrue(Files.isRegularFile(tree.published("assets/polisi.css")));
    }

    @Test
    void aBrokenSchoolKeepsItsLastGoodOutputAndTheOthersArePublished(@TempDir Path folder) throws IOException {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        assertTrue(tree.build().published());
        String adopterPage = FixtureTree.readFile(tree.published("adopter/cy/policy.html"));
        tree.write("schools/adopter/school.yml", tree.read("schools/adopter/school.yml").replace("  headteacher:", "\theadteacher:"));
        tree.write("schools/solo/en/policy.adoc", tree.read("schools/solo/en/policy.adoc") + "\nNew text of solo.\n");

        BuildResult result = tree.build();

        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).file().endsWith("schools/adopter/school.yml"));
        assertFalse(result.published());
        assertEquals(adopterPage, FixtureTree.readFile(tree.published("adopter/cy/policy.html")), "last good output kept");
        assertTrue(Files.isRegularFile(folder.resolve("manifests/adopter.json")));
        assertTrue(FixtureTree.readFile(tree.published("solo/en/policy.html")).contains("New text of solo."));
        assertTrue(schoolsInIndex(tree).containsAll(List.of("adopter/en/index.html", "adopter/cy/index.html", "solo/en/index.html")));
    }

    @Test
    void anErrorHoldsItsSchoolBackWithoutStrict(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        assertTrue(tree.build().published());
        tree.write("schools/solo/en/policy.adoc", tree.read("schools/solo/en/policy.adoc") + "\nAsk {setting-manger}.\n\nSee xref:nowhere.adoc[this].\n");
        BuildResult result = tree.build();
        assertTrue(result.heldBack().contains("solo"));
        assertFalse(FixtureTree.readFile(tree.published("solo/en/policy.html")).contains("setting-manger"));
        List<String> lines = tree.read("schools/solo/en/policy.adoc").lines().toList();
        int linkLine = lines.indexOf("See xref:nowhere.adoc[this].") + 1;
        int attributeLine = lines.indexOf("Ask {setting-manger}.") + 1;
        assertTrue(result.errors().stream().anyMatch(p -> p.code().equals("broken-link") && p.line() == linkLine), result.errors().toString());
        assertTrue(result.errors().stream().anyMatch(p -> p.code().equals("unresolved-attribute") && p.line() == attributeLine),
                result.errors().toString());
        assertTrue(result.publishedSites().contains("adopter"));
    }

    @Test
    void whenNothingCanBeBuiltTheWorkingSiteStays(@TempDir Path folder) throws IOException {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        assertTrue(tree.build().published());
        String index = FixtureTree.readFile(tree.published("index.html"));
        tree.write("clusters/demo/cluster.yml", "name: {en: Demo\n");
        tree.write("schools/solo/school.yml", "name: [unclosed\n");
        BuildResult result = tree.build();
        assertEquals(java.util.Set.of(), result.publishedSites());
        assertFalse(result.errors().isEmpty());
        assertEquals(index, FixtureTree.readFile(tree.published("index.html")), "no empty site over a working one");
        assertTrue(Files.isRegularFile(tree.published("solo/en/policy.html")));
    }

    @Test
    void warningsNeverHoldASchoolBackUnlessStrict(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        tree.write("schools/solo/school.yml", tree.read("schools/solo/school.yml") + "favourite-colour: blue\n");
        BuildResult relaxed = tree.build();
        assertEquals(1, relaxed.warnings().size(), relaxed.problems().toString());
        assertTrue(relaxed.publishedSites().contains("solo"));
        BuildResult strict = tree.build(tree.options(true));
        assertEquals(1, strict.errors().size());
        assertTrue(strict.heldBack().contains("solo"));
    }
}
