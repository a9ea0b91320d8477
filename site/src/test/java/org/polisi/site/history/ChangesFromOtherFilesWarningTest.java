package org.polisi.site.history;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.FileTrees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warning before a commit of a settings or form file that alters a page whose change note did not
 * change (tester 6's N3; docs/adr/0099): a real repository of the {@code agreement} fixture, its working
 * copy edited in each way, warned at the file that changed, at the changed line, naming the pages.
 */
class ChangesFromOtherFilesWarningTest {
    private PolicyRepository repository;
    private Path folder;

    @BeforeEach
    void committed() throws Exception {
        repository = ChangesFromOtherFilesTest.agreementNamingTheHeadteacher();
        folder = Files.createTempDirectory("polisi-other-files-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        repository.close();
        FileTrees.deleteRecursively(folder);
    }

    private List<Problem> warnings() throws Exception {
        return UnnotedChangesWarningTest.warnings(repository, folder);
    }

    private int lineOf(String contentPath, String text) throws Exception {
        return repository.lineOf(contentPath, text);
    }

    @Test
    void aChangedDeclarationIsWarnedAtItsLineNamingBothPages() throws Exception {
        repository.edit(ChangesFromOtherFilesTest.FORM, "I agree to follow it.", "I agree to follow it and to report any breach.");
        repository.edit(ChangesFromOtherFilesTest.FORM, "ac rwy'n cytuno i'w ddilyn.", "ac rwy'n cytuno i'w ddilyn ac i roi gwybod am unrhyw dor-rheol.");
        List<Problem> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        Problem warning = warnings.get(0);
        assertEquals(UnnotedChanges.CODE, warning.code());
        assertEquals(repository.content().resolve(ChangesFromOtherFilesTest.FORM), warning.file());
        assertEquals(lineOf(ChangesFromOtherFilesTest.FORM, "report any breach"), warning.line());
        assertTrue(warning.message().contains("hillside/en/staff-agreement, hillside/cy/staff-agreement"), warning.message());
        assertTrue(warning.message().contains(":change-note:"), warning.message());
    }

    @Test
    void anEnglishOnlyChangeNamesTheEnglishPageOnly() throws Exception {
        repository.edit(ChangesFromOtherFilesTest.FORM, "I agree to follow it.", "I agree to follow it and to report any breach.");
        List<Problem> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("the page hillside/en/staff-agreement "), warnings.get(0).message());
    }

    @Test
    void aSettingThePageUsesIsWarnedAtTheSettingsLine() throws Exception {
        repository.edit(ChangesFromOtherFilesTest.SETTINGS, "headteacher: Mrs Rhian Example", "headteacher: Mr Dafydd Example");
        List<Problem> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(repository.content().resolve(ChangesFromOtherFilesTest.SETTINGS), warnings.get(0).file());
        assertEquals(lineOf(ChangesFromOtherFilesTest.SETTINGS, "Mr Dafydd Example"), warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("hillside/en/staff-agreement, hillside/cy/staff-agreement"), warnings.get(0).message());
    }

    @Test
    void aSettingNoPageUsesOrACommentNeedsNoNote() throws Exception {
        repository.edit(ChangesFromOtherFilesTest.SETTINGS, "  headteacher: Mrs Rhian Example\n",
                "  headteacher: Mrs Rhian Example\n  safeguarding-lead: Ms Nia Example\n");
        repository.edit(ChangesFromOtherFilesTest.FORM, "id: staff-agreement\n", "# the staff agreement\nid: staff-agreement\n");
        assertEquals(List.of(), warnings());
    }

    @Test
    void aWelshOnlyChangeNamesTheWelshPageAndANewNoteOnAPageCoversIt() throws Exception {
        repository.edit(ChangesFromOtherFilesTest.FORM, "Bydd y pennaeth yn gweld eich cytundeb.", "Bydd y pennaeth yn gweld ac yn cadw eich cytundeb.");
        List<Problem> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("the page hillside/cy/staff-agreement "), warnings.get(0).message());
        repository.edit(ChangesFromOtherFilesTest.WELSH, ":translation-status: reviewed\n",
                ":translation-status: reviewed\n:change-note: Mae'r pennaeth yn cadw eich cytundeb.\n");
        assertEquals(List.of(), warnings());
    }
}
