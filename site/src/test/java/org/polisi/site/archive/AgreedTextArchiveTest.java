package org.polisi.site.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.forms.manifest.FormVersion;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.RenderCache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every build archives, per form version, the text a person agrees to; a snapshot is never rewritten
 * or removed by a later build, whatever kind of build it is (a full build, {@code --school}, the
 * preview's cached build, or a build from a fresh clone that keeps only the archive's folder).
 */
class AgreedTextArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "staff-agreement";
    private static final String OLD_WORDING = "Staff keep their passwords to themselves.";
    private static final String NEW_WORDING = "Staff keep their passwords to themselves and lock their screens.";

    @Test
    void aBuildArchivesEachLanguagesTextUnderItsFormVersionAndTheTextsHashToThatName(@TempDir Path folder) throws Exception {
        BuildOptions options = options(folder);
        assertPublished(new SiteBuild(options, line -> { }).run());

        for (String language : List.of("en", "cy")) {
            String version = version(options, language);
            JsonNode snapshot = snapshot(options, version);
            assertEquals(version, snapshot.get("formVersion").asText());
            assertEquals(language, snapshot.get("language").asText());
            assertEquals("agreement", snapshot.get("formKind").asText());
            assertEquals("2026-11-22", snapshot.get("firstPublished").asText());
            assertEquals(version, FormVersion.of(snapshot.get("definition").asText(),
                    SectionIndex.sha(snapshot.get("pageSource").asText())), "the snapshot's texts hash to its name");
            assertTrue(snapshot.get("definition").asText().contains(language.equals("en")
                    ? "I have read the agreement above" : "Rwyf wedi darllen y cytundeb uchod"));
        }
        String english = snapshot(options, version(options, "en")).get("pageHtml").asText();
        assertTrue(english.contains(OLD_WORDING), "the page as rendered, with the text agreed to");
        assertTrue(english.contains("I have read the agreement above and I agree to follow it."), "and the form's declaration");
        assertTrue(snapshot(options, version(options, "cy")).get("pageHtml").asText()
                .contains("Mae staff yn cadw eu cyfrineiriau"));
        Path file = archived(options, version(options, "en"));
        assertFalse(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE), "written read-only");
        assertFalse(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ));
        // the archive lives in the server's data folder: its folders are made 0700 (issue 23), never
        // made open by the umask and tightened by the server afterwards
        for (Path made = file.getParent(); made.startsWith(options.agreedTextsDir()); made = made.getParent()) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(made)), made.toString());
        }
    }

    @Test
    void changingTheWordingAddsANewVersionAndKeepsTheOldTextAndItsDateUntouched(@TempDir Path folder) throws Exception {
        BuildOptions options = options(folder);
        assertPublished(new SiteBuild(options, line -> { }).run());
        String oldVersion = version(options, "en");
        String welshVersion = version(options, "cy");
        byte[] oldBytes = Files.readAllBytes(archived(options, oldVersion));

        reword(options);
        assertPublished(new SiteBuild(options.withToday(LocalDate.of(2027, 1, 15)), line -> { }).run());

        String newVersion = version(options, "en");
        assertNotEquals(oldVersion, newVersion, "one word changed gives a new form version");
        assertArrayEquals(oldBytes, Files.readAllBytes(archived(options, oldVersion)), "the old snapshot is untouched");
        assertTrue(snapshot(options, oldVersion).get("pageHtml").asText().contains(OLD_WORDING));
        assertFalse(snapshot(options, oldVersion).get("pageHtml").asText().contains(NEW_WORDING));
        JsonNode fresh = snapshot(options, newVersion);
        assertTrue(fresh.get("pageHtml").asText().contains(NEW_WORDING));
        assertEquals("2027-01-15", fresh.get("firstPublished").asText());
        assertEquals("2026-11-22", snapshot(options, oldVersion).get("firstPublished").asText());
        assertEquals(welshVersion, version(options, "cy"), "the Welsh text did not change, so neither did its version");
        assertEquals(3, countSnapshots(options), "old and new English, and the one Welsh");
    }

    @Test
    void rebuildingTheSameTextRewritesNothingAndKeepsTheFirstPublishedDate(@TempDir Path folder) throws Exception {
        BuildOptions options = options(folder);
        assertPublished(new SiteBuild(options, line -> { }).run());
        String version = version(options, "en");
        byte[] first = Files.readAllBytes(archived(options, version));

        assertPublished(new SiteBuild(options.withToday(LocalDate.of(2027, 3, 1)), line -> { }).run());

        assertArrayEquals(first, Files.readAllBytes(archived(options, version)));
        assertEquals(2, countSnapshots(options), "one snapshot per language, no more");
    }

    @Test
    void theArchiveSurvivesASchoolBuildThePreviewAndAFreshCloneThatKeepsItsFolder(@TempDir Path folder) throws Exception {
        Path archive = folder.resolve("kept/agreed-texts");
        BuildOptions options = options(folder).withAgreedTexts(archive);
        assertPublished(new SiteBuild(options, line -> { }).run());
        String first = version(options, "en");

        // A partial build of the school.
        reword(options);
        assertPublished(new SiteBuild(options.withSchools(List.of("hillside")), line -> { }).run());
        String second = version(options, "en");

        // The preview's cached builds.
        RenderCache cache = new RenderCache();
        Files.writeString(page(options), Files.readString(page(options)).replace(NEW_WORDING, "Staff log out at the end of the day."));
        assertPublished(new SiteBuild(options, line -> { }, Optional.of(cache)).run());
        assertPublished(new SiteBuild(options, line -> { }, Optional.of(cache)).run());
        String third = version(options, "en");

        // A fresh clone: the output, manifests and work folders are gone; only the archive is kept.
        FileTrees.deleteRecursively(options.outputDir());
        FileTrees.deleteRecursively(options.manifestsDir());
        FileTrees.deleteRecursively(options.workDir());
        assertPublished(new SiteBuild(options, line -> { }).run());

        for (String version : List.of(first, second, third)) {
            assertTrue(Files.isRegularFile(archive.resolve("hillside").resolve(FORM).resolve(version + ".json")), version);
        }
        assertEquals(3, List.of(first, second, third).stream().distinct().count());
    }

    private static BuildOptions options(Path folder) throws IOException {
        Path content = folder.resolve("content");
        FileTrees.copy(Fixtures.content("agreement"), content);
        return Fixtures.options(content, folder, List.of());
    }

    private static void reword(BuildOptions options) throws IOException {
        Path page = page(options);
        Files.writeString(page, Files.readString(page).replace(OLD_WORDING, NEW_WORDING), StandardCharsets.UTF_8);
    }

    private static Path page(BuildOptions options) {
        return options.contentDir().resolve("schools/hillside/en/staff-agreement.adoc");
    }

    private static void assertPublished(BuildResult result) {
        assertEquals(List.of(), result.errors().stream().map(Object::toString).toList());
        assertTrue(result.published());
    }

    /** The version the published manifest names for the form in {@code language}. */
    private static String version(BuildOptions options, String language) throws IOException {
        JsonNode manifest = JSON.readTree(options.manifestsDir().resolve("hillside.json").toFile());
        for (JsonNode form : manifest.get("forms")) {
            if (form.get("id").asText().equals(FORM)) {
                return form.get("versions").get(language).asText();
            }
        }
        throw new AssertionError("no " + FORM + " in the manifest");
    }

    private static Path archived(BuildOptions options, String version) {
        return options.agreedTextsDir().resolve("hillside").resolve(FORM).resolve(version + ".json");
    }

    private static JsonNode snapshot(BuildOptions options, String version) throws IOException {
        return JSON.readTree(archived(options, version).toFile());
    }

    private static long countSnapshots(BuildOptions options) throws IOException {
        try (Stream<Path> files = Files.list(options.agreedTextsDir().resolve("hillside").resolve(FORM))) {
            return files.filter(file -> file.toString().endsWith(".json")).count();
        }
    }
}
