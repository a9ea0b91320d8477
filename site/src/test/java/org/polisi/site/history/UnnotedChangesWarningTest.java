package org.polisi.site.history;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.FileTrees;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warning an author gets before committing a change that the page's history could not describe
 * (tester 5, fault 5; docs/adr/0096): a real repository, its working copy edited in each way.
 */
class UnnotedChangesWarningTest {
    private PolicyRepository repository;
    private Path folder;

    @BeforeEach
    void committed() throws Exception {
        repository = PolicyRepository.ofGoodFixture();
        repository.commit(LocalDate.of(2026, 1, 10), "first published");
        folder = Files.createTempDirectory("polisi-unnoted-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        repository.close();
        FileTrees.deleteRecursively(folder);
    }

    private List<Problem> warnings() throws Exception {
        return warnings(repository, folder);
    }

    /** The problems {@link UnnotedChanges#check} finds in the repository's working copy, building in {@code folder}. */
    static List<Problem> warnings(PolicyRepository repository, Path folder) throws Exception {
        Problems problems = new Problems();
        UnnotedChanges.check(repository.content(),
                CatalogStage.load(Fixtures.options(repository.content(), folder, List.of()), new Problems()).sites(), messages(), problems);
        return problems.all();
    }

    static java.util.Map<String, org.polisi.site.theme.Messages> messages() throws java.io.IOException {
        return org.polisi.site.theme.Messages.everyLanguage(Fixtures.theme().resolve("i18n"));
    }

    @Test
    void aChangedTextWithTheSameNoteIsWarnedAtTheFile() throws Exception {
        repository.edit("schools/solo/en/policy.adoc", "kindly and safely.", "kindly, safely and fairly.");
        List<Problem> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(UnnotedChanges.CODE, warnings.get(0).code());
        assertEquals(repository.content().resolve("schools/solo/en/policy.adoc"), warnings.get(0).file());
        assertEquals(1, warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains(":change-note:"), warnings.get(0).message());
    }

    @Test
    void aTemplateChangeIsWarnedAtTheTemplateFileOnce() throws Exception {
        repository.edit("clusters/demo/en/policy.adoc", "reviews this policy every year", "reviews this policy every two years");
        List<Problem> warnings = warnings();
        assertEquals(List.of(repository.content().resolve("clusters/demo/en/policy.adoc")), warnings.stream().map(Problem::file).toList());
    }

    @Test
    void aNewNoteAMinorNoteWhiteSpaceANewFileOrACommitNeedNoWarning() throws Exception {
        repository.edit("schools/solo/en/policy.adoc", ":page-order: 1\n", ":page-order: 1\n:change-note: Pupils must be fair online.\n");
        repository.edit("schools/solo/en/policy.adoc", "kindly and safely.", "kindly, safely and fairly.");
        repository.edit("schools/adopter/en/policy.adoc", "looks after online safety", "looks  after\n online safety");
        Path added = repository.content().resolve("schools/solo/en/appendix-z-new.adoc");
        Files.writeString(added, "= New appendix\n:page-kind: appendix\n:page-order: 9\n\nA new page.\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), warnings());
        repository.commit(LocalDate.of(2026, 2, 2), "a noted change");
        repository.edit("schools/solo/en/policy.adoc", ":change-note: Pupils must be fair online.", ":change-note: minor: spelling");
        repository.edit("schools/solo/en/policy.adoc", "every pupil", "each pupil");
        assertEquals(List.of(), warnings());
        repository.commit(LocalDate.of(2026, 3, 3), "a minor one");
        assertEquals(List.of(), warnings());
    }

    @Test
    void theWarningPointsAtTheNoteTheAuthorForgotToChange() throws Exception {
        repository.edit("schools/solo/en/policy.adoc", ":page-order: 1\n", ":page-order: 1\n:change-note: Pupils must be fair online.\n");
        repository.commit(LocalDate.of(2026, 2, 2), "a noted change");
        repository.edit("schools/solo/en/policy.adoc", "every pupil", "each pupil");
        List<Problem> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        List<String> lines = Files.readAllLines(repository.content().resolve("schools/solo/en/policy.adoc"));
        assertTrue(lines.get(warnings.get(0).line() - 1).startsWith(":change-note:"), lines.toString());
    }

    @Test
    void aPageWithoutAHistoryNeedsNoNote() throws Exception {
        repository.edit("schools/adopter/en/about.adoc", "Staff and governors write", "Staff, pupils and governors write");
        assertEquals(List.of(), warnings(), "an 'about' page lists no updates");
    }

    @Test
    void outsideGitNothingIsWarned() throws Exception {
        Path copy = folder.resolve("plain");
        FileTrees.copy(repository.content(), copy);
        Files.writeString(copy.resolve("schools/solo/en/policy.adoc"), "= Changed\n:page-kind: policy\n:page-order: 1\n\nAll new.\n");
        Problems problems = new Problems();
        UnnotedChanges.check(copy, CatalogStage.load(Fixtures.options(copy, folder.resolve("out"), List.of()), new Problems()).sites(),
                messages(), problems);
        assertEquals(List.of(), problems.all());
    }
}
