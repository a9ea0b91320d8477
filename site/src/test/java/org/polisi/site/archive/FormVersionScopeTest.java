package org.polisi.site.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.render.FileTrees;

/**
 * Issue #17: a form's version changes when the text the person saw changes, and an edit of a
 * setting the page does not show (a staff name, a review date) gives no form a new version and
 * the archive no new snapshot (docs/adr/0066). Real builds of the agreement fixture and of the
 * real Rumney content.
 */
class FormVersionScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORDING = "Staff keep their passwords to themselves.";

    @Test
    void settingsThePageDoesNotUseKeepEveryVersionAndAddNoSnapshot(@TempDir Path folder) throws Exception {
        BuildOptions options = hillside(folder);
        build(options);
        Map<String, String> before = versions(options, "hillside");
        long snapshots = countSnapshots(options);

        edit(options, "schools/hillside/school.yml", "Mrs Rhian Example", "Mrs Rhian Example-Ôwen");
        edit(options, "schools/hillside/school.yml", "review-due: 2027-11-30", "review-due: 2028-01-31");
        build(options);

        assertEquals(before, versions(options, "hillside"));
        assertEquals(snapshots, countSnapshots(options), "no identical text archived again");
    }

    @Test
    void aSettingThePageUsesChangesTheVersionOfThatLanguageOnly(@TempDir Path folder) throws Exception {
        BuildOptions options = hillside(folder);
        edit(options, "schools/hillside/en/staff-agreement.adoc", WORDING, WORDING + " {headteacher} checks this.");
        build(options);
        Map<String, String> before = versions(options, "hillside");

        edit(options, "schools/hillside/school.yml", "Mrs Rhian Example", "Mrs Rhian Example-Ôwen");
        build(options);

        Map<String, String> after = versions(options, "hillside");
        assertNotEquals(before.get("staff-agreement/en"), after.get("staff-agreement/en"));
        assertEquals(before.get("staff-agreement/cy"), after.get("staff-agreement/cy"), "the Welsh page does not name her");
    }

    @Test
    void aSettingUsedThroughAnotherSettingOrAConditionChangesTheVersion(@TempDir Path folder) throws Exception {
        BuildOptions options = hillside(folder);
        edit(options, "schools/hillside/school.yml", "policy:", "attributes:\n  checker: \"{headteacher}\"\npolicy:");
        edit(options, "schools/hillside/en/staff-agreement.adoc", WORDING,
                WORDING + " {checker} checks this.\n\nifdef::deputy[]\nA deputy checks it too.\nendif::[]");
        build(options);
        String first = versions(options, "hillside").get("staff-agreement/en");

        edit(options, "schools/hillside/school.yml", "Mrs Rhian Example", "Mrs Rhian Example-Ôwen");
        build(options);
        String second = versions(options, "hillside").get("staff-agreement/en");

        edit(options, "schools/hillside/school.yml", "attributes:\n", "attributes:\n  deputy: Mr Example\n");
        build(options);
        String third = versions(options, "hillside").get("staff-agreement/en");

        assertEquals(3, Stream.of(first, second, third).distinct().count(), List.of(first, second, third).toString());
    }

    @Test
    void rumneysParentCarerAgreementKeepsItsVersionWhenTheHeadteacherChanges(@TempDir Path folder) throws Exception {
        Path content = folder.resolve("content");
        FileTrees.copy(Fixtures.projectRoot().resolve("content"), content);
        BuildOptions options = Fixtures.options(content, folder, List.of("rumney"));
        build(options);
        Map<String, String> before = versions(options, "rumney");

        edit(options, "schools/rumney/school.yml", "headteacher: Mrs Eleri Williams ", "headteacher: Mrs Eleri Williams-Ôwen ");
        build(options);
        Map<String, String> after = versions(options, "rumney");

        assertTrue(before.containsKey("parent-carer-agreement/en") && before.containsKey("parent-carer-agreement/cy"), before.toString());
        for (String key : before.keySet()) {
            assertEquals(before.get(key), after.get(key), key + ": no form page names the headteacher");
        }
    }

    private static BuildOptions hillside(Path folder) throws IOException {
        Path content = folder.resolve("content");
        FileTrees.copy(Fixtures.content("agreement"), content);
        return Fixtures.options(content, folder, List.of());
    }

    private static void edit(BuildOptions options, String file, String from, String to) throws IOException {
        Path path = options.contentDir().resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void build(BuildOptions options) throws IOException {
        BuildResult result = new SiteBuild(options, line -> { }).run();
        assertEquals(List.of(), result.errors().stream().map(Object::toString).toList());
        assertTrue(result.published());
    }

    /** Every form's version per language, as the published manifest names them: {@code form-id/lang}. */
    private static Map<String, String> versions(BuildOptions options, String school) throws IOException {
        JsonNode manifest = JSON.readTree(options.manifestsDir().resolve(school + ".json").toFile());
        Map<String, String> versions = new TreeMap<>();
        for (JsonNode form : manifest.get("forms")) {
            form.get("versions").fields().forEachRemaining(v -> versions.put(form.get("id").asText() + "/" + v.getKey(), v.getValue().asText()));
        }
        return versions;
    }

    private static long countSnapshots(BuildOptions options) throws IOException {
        try (Stream<Path> files = Files.walk(options.agreedTextsDir())) {
            return files.filter(file -> file.toString().endsWith(".json")).count();
        }
    }
}
