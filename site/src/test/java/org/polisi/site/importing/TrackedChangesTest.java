package org.polisi.site.importing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document whose tracked changes are neither accepted nor rejected is refused, and nothing is written
 * (tester 7's finding 12: pandoc accepted "may → must not" by itself and the import said nothing
 * needed attention). The documents are real: pandoc writes Word's {@code w:ins}/{@code w:del} from
 * its insertion and deletion spans; the OpenDocument one gets a change region as LibreOffice writes it.
 */
@ExtendWith(PandocCondition.class)
class TrackedChangesTest {
    private ScratchProject project;

    @BeforeEach
    void newSchool() throws IOException {
        project = ScratchProject.withSchool("ysgol-dau", "Ysgol Dau", "england");
    }

    @AfterEach
    void cleanUp() {
        project.delete();
    }

    private Path markdown(String name, String text) throws IOException {
        Path file = project.root.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aWordDocumentWithChangesNotYetAcceptedIsRefusedNamingThemAndNothingIsWritten() throws IOException {
        Path docx = project.document(markdown("tc.md", "# Mobile phones\n\nPupils [may]{.deletion author=\"Head\"}"
                + "[must not]{.insertion author=\"Head\"} bring mobile phones to school.\n\n"
                + "Staff [keep]{.insertion author=\"Deputy\"} their phones in the staff room.\n"), "tc.docx");
        PageImporter.ImportRefused refused = assertThrows(PageImporter.ImportRefused.class,
                () -> project.importPage(docx, "ysgol-dau", "mobile-phones-policy", "en", "policy"));
        assertTrue(refused.getMessage().startsWith("tc.docx still has 3 tracked changes, by Deputy, Head, neither accepted nor rejected"),
                refused.getMessage());
        assertFalse(Files.exists(project.content.resolve("schools/ysgol-dau/en/mobile-phones-policy.adoc")));
    }

    @Test
    void theSameDocumentWithItsChangesSettledIsImported() throws IOException {
        Path docx = project.document(markdown("settled.md", "# Mobile phones\n\nPupils must not bring mobile phones to school.\n"), "settled.docx");
        PageImporter.Outcome outcome = project.importPage(docx, "ysgol-dau", "mobile-phones-policy", "en", "policy");
        assertTrue(Files.readString(outcome.page()).contains("Pupils must not bring mobile phones to school."));
    }

    @Test
    void anOpenDocumentWithAChangeRegionIsRefusedToo() throws IOException {
        Path odt = project.document(markdown("od.md", "# Visitors\n\nVisitors sign in at the office.\n"), "od.odt");
        Path tracked = project.root.resolve("tracked.odt");
        String region = "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion>"
                + "<office:change-info><dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Cadeirydd</dc:creator>"
                + "<dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">2026-11-30T10:00:00</dc:date></office:change-info>"
                + "<text:p>at reception</text:p></text:deletion></text:changed-region></text:tracked-changes>";
        try (ZipFile in = new ZipFile(odt.toFile()); OutputStream file = Files.newOutputStream(tracked);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : in.stream().map(ZipEntry.class::cast).toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream bytes = in.getInputStream(entry)) {
                    if (entry.getName().equals("content.xml")) {
                        String xml = new String(bytes.readAllBytes(), StandardCharsets.UTF_8);
                        assertTrue(xml.contains("<office:text>"), "pandoc's content.xml has a body");
                        out.write(xml.replaceFirst("<office:text>", "<office:text>" + region).getBytes(StandardCharsets.UTF_8));
                    } else {
                        bytes.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        PageImporter.ImportRefused refused = assertThrows(PageImporter.ImportRefused.class,
                () -> project.importPage(tracked, "ysgol-dau", "visitors-policy", "en", "policy"));
        assertTrue(refused.getMessage().startsWith("tracked.odt still has 1 tracked change, by Cadeirydd,"), refused.getMessage());
        assertEquals(TrackedChanges.in(odt), java.util.Optional.empty(), "pandoc's own file has none");
    }
}
