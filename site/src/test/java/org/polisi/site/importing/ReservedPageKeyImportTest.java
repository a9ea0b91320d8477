package org.polisi.site.importing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./polisi import --page index} (or {@code con}) is refused before anything is written (tester 7's finding 14). */
@ExtendWith(PandocCondition.class)
class ReservedPageKeyImportTest {
    private ScratchProject project;

    @BeforeEach
    void newSchool() throws IOException {
        project = ScratchProject.withSchool("ysgol-dau", "Ysgol Dau", "england");
    }

    @AfterEach
    void cleanUp() {
        project.delete();
    }

    @Test
    void aPageKeyTheBuildUsesOrWindowsCannotMakeIsRefusedAndNothingIsWritten() throws IOException {
        Path docx = project.document(ScratchProject.resource("fixture-en.md"), "policy.docx");
        for (String key : new String[] {"index", "con", "nul"}) {
            PageImporter.ImportRefused refused = assertThrows(PageImporter.ImportRefused.class,
                    () -> project.importPage(docx, "ysgol-dau", key, "en", "policy"), key);
            assertTrue(refused.getMessage().startsWith("--page cannot be '" + key + "': "), refused.getMessage());
        }
        Path pages = project.content.resolve("schools/ysgol-dau/en");
        try (var files = Files.list(pages)) {
            assertEquals(0, files.count());
        }
    }
}
