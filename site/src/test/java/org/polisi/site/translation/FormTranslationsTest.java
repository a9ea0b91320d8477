package org.polisi.site.translation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.history.PolicyRepository;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.FileTrees;
import org.polisi.site.report.ReportPrinter;
import org.polisi.site.report.SiteReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form's English text changed while its Welsh did not (tester 6's N6; docs/adr/0099): a real
 * repository of the bilingual {@code agreement} fixture, its form's texts changed in each way and
 * committed on given days. A stale Welsh text is a warning at its line in the form's file, makes the
 * Welsh page that embeds the form stale (its notice, dated), and is listed by {@code ./polisi report}.
 */
class FormTranslationsTest {
    private static final String FORM = "schools/hillside/forms/staff-agreement.yml";

    private PolicyRepository repository;
    private Path folder;

    @BeforeEach
    void committed() throws Exception {
        repository = PolicyRepository.of("agreement");
        // the Welsh page translated from its English page as it is: only the form can make it stale
        String english = Files.readString(repository.content().resolve("schools/hillside/en/staff-agreement.adoc"), StandardCharsets.UTF_8);
        repository.edit("schools/hillside/cy/staff-agreement.adoc", ":translation-status: reviewed\n",
                ":translation-status: reviewed\n:translated-from: " + TranslationPairer.hashOf(english) + "\n");
        repository.commit(LocalDate.of(2026, 1, 10), "first published");
        folder = Files.createTempDirectory("polisi-form-translations-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        repository.close();
        FileTrees.deleteRecursively(folder);
    }

    /** A build that publishes despite warnings (not --strict), so that the pages can be read. */
    private BuildResult build() throws Exception {
        FileTrees.deleteRecursively(folder);
        BuildOptions options = new BuildOptions(repository.content(), Fixtures.theme(), folder.resolve("public"), folder.resolve("manifests"),
                folder.resolve("build"), List.of(), false, Fixtures.TODAY, folder.resolve("agreed-texts"));
        BuildResult result = new SiteBuild(options, line -> { }, Optional.empty(), Fixtures.TOOLS).run();
        assertTrue(result.published(), () -> "build failed: " + result.problems());
        return result;
    }

    private List<Problem> stale(BuildResult result) {
        return result.problems().stream().filter(p -> p.code().equals(FormTranslations.CODE)).toList();
    }

    private TranslationState welshState(BuildResult result) {
        return result.translations().get("hillside").stream().filter(t -> t.pageKey().equals("staff-agreement")).findFirst().orElseThrow();
    }

    private int lineOf(String text) throws Exception {
        return repository.lineOf(FORM, text);
    }

    @Test
    void anEnglishDeclarationChangedAloneMakesTheWelshStaleWhereAPageIs() throws Exception {
        BuildResult before = build();
        assertEquals(List.of(), stale(before));
        assertTrue(!welshState(before).stale());
        String welshBefore = Files.readString(folder.resolve("public/hillside/cy/staff-agreement.html"));

        repository.edit(FORM, "I agree to follow it.", "I agree to follow it and to report any breach.");
        repository.commit(LocalDate.of(2026, 2, 2), "the English declaration");
        BuildResult result = build();
        List<Problem> warnings = stale(result);
        assertEquals(1, warnings.size(), result.problems().toString());
        assertEquals(repository.content().resolve(FORM), warnings.get(0).file());
        assertEquals(lineOf("cy: Rwyf wedi darllen"), warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("declaration") && warnings.get(0).message().contains("2026-02-02")
                && warnings.get(0).message().contains("report any breach"), warnings.get(0).message());

        TranslationState welsh = welshState(result);
        assertTrue(welsh.stale());
        assertEquals(Optional.of(LocalDate.of(2026, 2, 2)), welsh.englishUpdated());
        assertEquals(repository.content().resolve(FORM), welsh.file());

        String page = Files.readString(folder.resolve("public/hillside/cy/staff-agreement.html"));
        assertTrue(page.contains("Diweddarwyd y fersiwn Saesneg o'r dudalen hon ar 2 Chwefror 2026"), "the Welsh page's notice");
        assertTrue(!welshBefore.contains("Mae'r fersiwn Saesneg wedi newid"), "no notice before");
        assertTrue(!Files.readString(folder.resolve("public/hillside/en/staff-agreement.html")).contains("The English version has changed"));

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ReportPrinter.text(SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY),
                repository.content().getParent(), new PrintStream(report, true, StandardCharsets.UTF_8));
        String printed = report.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("1 stale"), printed);
        assertTrue(printed.contains("stale: staff-agreement (cy) content/" + FORM), printed);
        assertTrue(printed.contains("English changed on 2026-02-02"), printed);

        // translated again in a later commit: no longer stale
        repository.edit(FORM, "ac rwy'n cytuno i'w ddilyn.", "ac rwy'n cytuno i'w ddilyn ac i roi gwybod am unrhyw dor-rheol.");
        repository.commit(LocalDate.of(2026, 3, 3), "the Welsh declaration");
        BuildResult translated = build();
        assertEquals(List.of(), stale(translated));
        assertTrue(!welshState(translated).stale());
    }

    @Test
    void bothLanguagesInOneCommitOrWhiteSpaceAreNotStale() throws Exception {
        repository.edit(FORM, "I agree to follow it.", "I agree to follow it and to report any breach.");
        repository.edit(FORM, "ac rwy'n cytuno i'w ddilyn.", "ac rwy'n cytuno i'w ddilyn ac i roi gwybod am unrhyw dor-rheol.");
        repository.commit(LocalDate.of(2026, 2, 2), "both languages");
        repository.edit(FORM, "The headteacher will see your agreement.", "\"The headteacher  will see your agreement.\"");
        repository.commit(LocalDate.of(2026, 3, 3), "white space and quotes");
        BuildResult result = build();
        assertEquals(List.of(), stale(result));
        assertTrue(!welshState(result).stale());
    }

    @Test
    void aLabelChangedAndNotYetCommittedIsStaleWithoutADay() throws Exception {
        repository.edit(FORM, "en: Your full name", "en: Your full name as the school has it");
        BuildResult result = build();
        List<Problem> warnings = stale(result);
        assertEquals(1, warnings.size(), result.problems().toString());
        assertEquals(lineOf("cy: Eich enw llawn"), warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("fields[name=staff-name].label")
                && warnings.get(0).message().contains("since the last commit"), warnings.get(0).message());
        TranslationState welsh = welshState(result);
        assertTrue(welsh.stale());
        assertEquals(Optional.empty(), welsh.englishUpdated());
        assertTrue(Files.readString(folder.resolve("public/hillside/cy/staff-agreement.html"))
                .contains("wedi ei diweddaru ers ysgrifennu'r fersiwn Gymraeg hon"));
    }

    @Test
    void outsideGitNothingIsStale() throws Exception {
        Path copy = folder.resolveSibling(folder.getFileName() + "-plain");
        try {
            FileTrees.copy(repository.content(), copy);
            Path form = copy.resolve(FORM);
            Files.writeString(form, Files.readString(form).replace("I agree to follow it.", "I agree to follow it and to report any breach."));
            var result = new SiteBuild(new BuildOptions(copy, Fixtures.theme(), copy.resolveSibling(copy.getFileName() + "-out"),
                    folder.resolve("m"), folder.resolve("b"), List.of(), false, Fixtures.TODAY, folder.resolve("a")),
                    line -> { }, Optional.empty(), Fixtures.TOOLS).resolveOnly();
            assertEquals(List.of(), stale(result));
            assertNull(result.translations().get("hillside").stream().filter(TranslationState::stale).findFirst().orElse(null));
        } finally {
            FileTrees.deleteRecursively(copy);
            FileTrees.deleteRecursively(copy.resolveSibling(copy.getFileName() + "-out"));
        }
    }
}
