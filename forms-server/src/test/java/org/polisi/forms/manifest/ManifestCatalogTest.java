package org.polisi.forms.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.contract.InvalidManifestException;
import org.polisi.forms.FormsServer;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCli;

/**
 * The server reads manifests strictly: a property it does not know, or one it needs that is missing,
 * stops it at start-up with the file named, instead of serving a form that silently differs from the page.
 */
class ManifestCatalogTest {

    /** The fixture manifests, with one exact piece of the test school's replaced (the piece must be there). */
    private static Path manifestsWith(Path folder, String from, String to) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path file = manifests.resolve("testschool.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "the fixture contains " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        return manifests;
    }

    @Test
    void theFixtureManifestsAreValid() throws IOException {
        assertEquals(2, new ManifestCatalog(TestServer.fixture().resolve("manifests")).checkAll());
    }

    @Test
    void anUnknownPropertyStopsTheServerNamingTheFile(@TempDir Path folder) throws IOException {
        Path manifests = manifestsWith(folder, "\"readerRole\": \"headteacher\",", "\"readerRole\": \"headteacher\", \"signer\": \"parents\",");
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> FormsServer.create(
                TestServer.settings(folder).set("manifest-dir", manifests).load()));
        InvalidManifestException cause = assertInstanceOf(InvalidManifestException.class, refused.getCause());
        assertEquals(manifests.resolve("testschool.json"), cause.file());
        assertTrue(cause.getMessage().contains("testschool.json") && cause.getMessage().contains("forms[0].signer"),
                cause.getMessage());
        assertFalse(Files.exists(folder.resolve("data/polisi.db")), "refused before the database is opened");
    }

    @Test
    void aMissingPropertyStopsTheServerNamingTheFileAndTheProperty(@TempDir Path folder) throws IOException {
        Path manifests = manifestsWith(folder, "\"contactEmail\": \"office@example.sch.uk\",", "");
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> FormsServer.create(
                TestServer.settings(folder).set("manifest-dir", manifests).load()));
        String message = refused.getCause().getMessage();
        assertTrue(message.contains("testschool.json") && message.contains("contactEmail"), message);
    }

    @Test
    void serveSaysWhyItDidNotStartInOneLine(@TempDir Path folder) throws IOException {
        Path manifests = manifestsWith(folder, "\"type\": \"email\"", "\"type\": \"e-mail\"");
        PrintStream standardError = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            exit = FormsCli.commandLine().execute("serve", "--port", "0", "--db", folder.resolve("data/polisi.db").toString(),
                    "--agreed-texts", folder.resolve("agreed-texts").toString(),
                    "--site", TestServer.fixture().resolve("site").toString(), "--manifests", manifests.toString());
        } finally {
            System.setErr(standardError);
        }
        String message = said.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, message);
        assertTrue(message.startsWith("Not started: ") && message.contains("testschool.json")
                && message.contains("unknown field type 'e-mail'"), message);
    }

    @Test
    void aManifestThatBecomesInvalidWhileServingIsDroppedNotMisread(@TempDir Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        ManifestCatalog catalog = new ManifestCatalog(manifests);
        assertTrue(catalog.school("testschool").isPresent());
        Path file = manifests.resolve("testschool.json");
        Files.writeString(file, Files.readString(file).replace("\"kind\": \"consent\"", "\"kind\": \"permission\""));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(catalog.school("testschool").isEmpty(), "an invalid manifest is not served");
        assertTrue(catalog.school("otherschool").isPresent(), "the other schools' manifests are unaffected");
    }
}
