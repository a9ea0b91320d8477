package org.polisi.site.confirm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.report.ReportPrinter;
import org.polisi.site.report.SiteReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing invented is published as fact: placeholder addresses are warnings, the report lists them
 * and every {@code polisi: confirm} marker under "to confirm with the school", and
 * {@code build --release} refuses while any is open.
 */
class ToConfirmTest {
    private static FixtureTree tree(Path folder) {
        return FixtureTree.in(folder)
                .write("schools/unsure/school.yml", """
                        # polisi: confirm the Welsh name the school uses
                        name: {en: Unsure School, cy: Ysgol Ansicr}
                        languages: [en, cy]
                        contact-email: office@unsure.example.org   # a placeholder, not the school's
                        """)
                .write("schools/unsure/en/policy.adoc", """
                        = Policy
                        :page-kind: policy

                        // polisi: confirm the arrows of this flowchart are reconstructed
                        . Incident
                        .. Report it

                        Write to https://www.example.com/form or help@unsure.invalid.
                        """)
                .write("schools/unsure/cy/policy.adoc", """
                        = Polisi
                        :page-kind: policy
                        :translation-status: draft

                        . Digwyddiad
                        .. Rhowch wybod
                        """);
    }

    @Test
    void placeholdersAreWarningsWhereTheyAreWritten(@TempDir Path folder) {
        FixtureTree tree = tree(folder);
        BuildResult result = tree.build();
        List<String> warnings = result.warnings().stream().filter(p -> p.code().equals("placeholder"))
                .map(p -> p.file().getFileName() + ":" + p.line()).toList();
        assertEquals(List.of("policy.adoc:8", "policy.adoc:8", "school.yml:4"), warnings.stream().sorted().toList());
        assertTrue(result.publishedSites().contains("unsure"), "plain build only warns");
    }

    @Test
    void theReportListsEveryPlaceholderAndMarker(@TempDir Path folder) {
        FixtureTree tree = tree(folder);
        BuildResult result = tree.build();
        List<ToConfirm> items = SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY).get(0).toConfirm();
        assertEquals(List.of(
                "marker policy.adoc:4 . Incident — the arrows of this flowchart are reconstructed",
                "placeholder policy.adoc:8 placeholder address https://www.example.com/form",
                "placeholder policy.adoc:8 placeholder address help@unsure.invalid",
                "marker school.yml:1 name: {en: Unsure School, cy: Ysgol Ansicr} — the Welsh name the school uses",
                "placeholder school.yml:4 placeholder address office@unsure.example.org"),
                items.stream().map(i -> i.source() + " " + i.file().getFileName() + ":" + i.line() + " " + i.what()
                        + (i.source().equals("marker") ? " — " + i.why() : "")).toList());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ReportPrinter.text(SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY), folder, new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("to confirm with the school: 5 items"), printed);
        assertTrue(printed.contains("content/schools/unsure/school.yml:4: placeholder address office@unsure.example.org"), printed);
    }

    @Test
    void aReleaseBuildRefusesWhileAnythingIsOpenAndPublishesNothing(@TempDir Path folder) {
        FixtureTree tree = tree(folder);
        BuildResult release = tree.build(tree.options(false).withRelease(true));
        assertFalse(release.published());
        assertEquals(5, release.errors().stream().filter(p -> p.code().equals("to-confirm")).count());
        assertFalse(Files.exists(tree.published("unsure")));
    }

    @Test
    void aReleaseBuildOfSettledContentPublishes(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/settled/school.yml", "name: {en: Settled}\nlanguages: [en]\ncontact-email: office@settled.test\n")
                .write("schools/settled/en/page.adoc", "= Page\n:page-kind: page\n\nText.\n");
        BuildResult release = tree.build(tree.options(true).withRelease(true));
        assertTrue(release.published(), release.errors().toString());
    }
}
