package org.polisi.site.uptodate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record of the last build (docs/adr/0062-nothing-changed-builds.md), without building. */
class UpToDateTest {
    @TempDir
    Path folder;

    private BuildOptions options() {
        FixtureTree.copyOf("good", folder);
        return Fixtures.options(folder.resolve("content"), folder, List.of());
    }

    @Test
    void aRecordIsKeptOnlyWhenTheInputsDidNotChangeWhileTheBuildRan() throws IOException {
        BuildOptions options = options();
        Path cache = folder.resolve("cache");
        UpToDate check = UpToDate.before(cache, options).orElseThrow();
        check.record(0, 3, List.of(new LastBuild.Line(false, "built")));
        LastBuild last = UpToDate.before(cache, options).orElseThrow().lastBuild().orElseThrow();
        assertEquals(List.of(new LastBuild.Line(false, "built")), last.report());
        assertEquals(3, last.pages());

        UpToDate during = UpToDate.before(cache, options).orElseThrow();
        Files.writeString(folder.resolve("content/words.txt"), "Riverside\n");    // saved while the build ran
        during.record(0, 3, List.of());
        assertFalse(Files.exists(cache.resolve(UpToDate.FILE)), "a build that may have read half-changed content leaves no record");
        assertTrue(UpToDate.before(cache, options).orElseThrow().lastBuild().isEmpty());
    }

    @Test
    void theFingerprintCoversEveryFileByContentAndTheListingEveryOutputByTime() throws IOException {
        BuildOptions options = options();
        String before = BuildInputs.of(options);
        assertEquals(before, BuildInputs.of(options), "the same inputs, the same fingerprint");
        Path school = folder.resolve("content/schools/adopter/school.yml");
        String text = Files.readString(school);
        Files.writeString(school, text.replace("Riverside", "Riverbank"));
        assertNotEquals(before, BuildInputs.of(options));
        Files.writeString(school, text);
        assertEquals(before, BuildInputs.of(options), "back as it was: the same again, whatever the file's time");

        Files.createDirectories(options.outputDir().resolve("a"));
        Path page = Files.writeString(options.outputDir().resolve("a/page.html"), "<p>page</p>");
        String listing = OutputListing.of(UpToDate.outputs(options));
        Files.setLastModifiedTime(page, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() - 5_000));
        assertNotEquals(listing, OutputListing.of(UpToDate.outputs(options)), "a published file written again");
    }

    @Test
    void aRecordReadsBackWholeAndNothingElseReads() {
        LastBuild last = new LastBuild("in", "out", 1, 4, List.of(new LastBuild.Line(true, "a: error: b [c]"), new LastBuild.Line(false, "Ysgol ŵ")));
        byte[] bytes = last.write();
        assertEquals(last, LastBuild.read(bytes).orElseThrow());
        for (int cut = 0; cut < bytes.length; cut += 7) {
            assertTrue(LastBuild.read(java.util.Arrays.copyOf(bytes, cut)).isEmpty(), "cut at " + cut);
        }
    }
}
