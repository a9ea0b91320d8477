package org.polisi.site.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's synthetic cluster is valid content: two schools bake strictly, forms and all. No timing is asserted. */
class ClusterGeneratorTest {

    @Test
    void aGeneratedClusterOfTwoSchoolsBakesStrictlyInBothLanguages(@TempDir Path work) throws Exception {
        int perSchool = new ClusterGenerator(work.resolve("content")).generate(2);
        Path root = Fixtures.projectRoot();
        BuildOptions options = new BuildOptions(work.resolve("content"), root.resolve("themes/default"), work.resolve("public"),
                work.resolve("manifests"), work.resolve("build"), List.of(), true, Fixtures.TODAY, work.resolve("agreed-texts"));

        BuildResult result = new SiteBuild(options, line -> { }).run();

        assertEquals(List.of(), result.errors(), "errors");
        assertTrue(result.published());
        assertEquals(40, perSchool);
        assertTrue(result.pages() >= 3 * perSchool, "two schools and the template preview: " + result.pages());
        String consent = Files.readString(work.resolve("public/school-002/cy/appendix-d-guidance.html"));
        assertTrue(consent.contains("data-form-id=\"digital-images-consent\""), "the form is rendered in Welsh too");
        assertTrue(Files.readString(work.resolve("manifests/school-001.json")).contains("consent-withdrawal"));
    }
}
