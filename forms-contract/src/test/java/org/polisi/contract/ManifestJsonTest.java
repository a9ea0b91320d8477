package org.polisi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading is strict (every kind of drift is a clear error naming the file), writing gives back what was read. */
class ManifestJsonTest {

    @TempDir
    Path folder;

    static Path fixture() {
        try {
            return Path.of(ManifestJsonTest.class.getResource("/manifests/school.json").toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String fixtureText() throws IOException {
        return Files.readString(fixture(), StandardCharsets.UTF_8);
    }

    /** The fixture with one exact piece of text replaced; the test fails when the piece is not there. */
    private Path variant(String from, String to) throws IOException {
        String text = fixtureText();
        assertTrue(text.contains(from), "the fixture contains " + from);
        Path file = folder.resolve("testschool.json");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        return file;
    }

    private InvalidManifestException refused(Path file) {
        InvalidManifestException refused = assertThrows(InvalidManifestException.class, () -> ManifestJson.read(file));
        assertTrue(refused.getMessage().startsWith(file.toString() + ": "), refused.getMessage());
        assertEquals(file, refused.file());
        return refused;
    }

    @Test
    void aValidManifestIsReadWithEveryProperty() throws IOException {
        Manifest manifest = ManifestJson.read(fixture());
        assertEquals(List.of("en", "cy"), manifest.languages());
        FormDefinition consent = manifest.form("images-consent").orElseThrow();
        assertEquals(FormKind.CONSENT, consent.kind());
        assertEquals(RetentionRule.Rule.AFTER_PUPIL_LEAVES, consent.retention().rule());
        assertEquals("no source states it", consent.retention().confirm());
        assertEquals("Please answer each question.", consent.introduction().get("en"));
        assertEquals("This school year", consent.field("year-group").orElseThrow().hint().get("en"));
        assertEquals(6, consent.field("pupil-names").orElseThrow().itemLimit());
        assertEquals(SignerGroup.OTHERS, consent.signers());
        FormDefinition agreement = manifest.form("parent-agreement").orElseThrow();
        assertEquals(SignerGroup.PARENTS, agreement.signedBy());
        assertTrue(agreement.publishedVersion("en", "9185fca34835"));
        assertFalse(agreement.publishedVersion("cy", "9185fca34835"), "no Welsh page embeds it: no Welsh version");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        Manifest read = ManifestJson.read(fixture());
        Path copy = folder.resolve("copy.json");
        Files.writeString(copy, ManifestJson.write(read), StandardCharsets.UTF_8);
        assertEquals(read, ManifestJson.read(copy));
    }

    @Test
    void anUnknownPropertyIsRefusedWithItsPath() throws IOException {
        String message = refused(variant("\"readerRole\": \"headteacher\",", "\"readerRole\": \"headteacher\", \"readerRoles\": [],"))
                .getMessage();
        assertTrue(message.contains("forms[1].readerRoles"), message);
    }

    @Test
    void anUnknownFieldPropertyIsRefused() throws IOException {
        String message = refused(variant("{\"name\": \"parent-name\",", "{\"name\": \"parent-name\", \"lable\": {},"))
                .getMessage();
        assertTrue(message.contains("forms[1].fields[0].lable"), message);
    }

    @Test
    void aMissingRequiredPropertyIsRefusedByName() throws IOException {
        String message = refused(variant("\"lawfulBasis\": {\"en\": \"Consent.\", \"cy\": \"Caniatâd.\"},", "")).getMessage();
        assertTrue(message.contains("lawfulBasis"), message);
    }

    @Test
    void aMissingFieldListIsRefusedByName() throws IOException {
        String message = refused(variant(", \"label\": {\"en\": \"Your name\", \"cy\": \"Eich enw\"}, \"options\": [], \"statements\": []}",
                ", \"label\": {\"en\": \"Your name\", \"cy\": \"Eich enw\"}, \"options\": []}")).getMessage();
        assertTrue(message.contains("statements"), message);
    }

    @Test
    void aMissingRequiredFlagIsRefused() throws IOException {
        String message = refused(variant("{\"name\": \"parent-name\", \"type\": \"name\", \"required\": true,",
                "{\"name\": \"parent-name\", \"type\": \"name\",")).getMessage();
        assertTrue(message.contains("required"), message);
    }

    @Test
    void aNullIsRefused() throws IOException {
        String message = refused(variant("\"title\": {\"en\": \"Parent agreement\", \"cy\": \"Cytundeb rhieni\"}",
                "\"title\": null")).getMessage();
        assertTrue(message.contains("title of form 'parent-agreement' is missing"), message);
    }

    @Test
    void anUnknownWordIsRefusedListingTheKnownOnes() throws IOException {
        String message = refused(variant("\"type\": \"name\"", "\"type\": \"colour\"")).getMessage();
        assertTrue(message.contains("unknown field type 'colour'"), message);
        assertTrue(message.contains(FieldType.known()), message);
        assertTrue(refused(variant("\"kind\": \"agreement\"", "\"kind\": \"petition\"")).getMessage()
                .contains("unknown form kind 'petition'"));
        assertTrue(refused(variant("\"rule\": \"after-submission\"", "\"rule\": \"forever\"")).getMessage()
                .contains("unknown retention rule 'forever'"));
        assertTrue(refused(variant("\"signedBy\": \"parents\"", "\"signedBy\": \"governors\"")).getMessage()
                .contains("unknown signer group 'governors'"));
    }

    @Test
    void notifyNamesStaffRolesByTheirFormWords() throws IOException {
        String empty = "\"notify\": {\"incident\": [], \"urgent\": []}";
        Manifest read = ManifestJson.read(variant(empty,
                "\"notify\": {\"incident\": [\"school-office\"], \"urgent\": [\"safeguarding-lead\", \"headteacher\"]}"));
        assertEquals(List.of("school-office"), read.forms().get(0).alerts().incident());
        assertEquals(List.of("safeguarding-lead", "headteacher"), read.forms().get(0).alerts().forReport(true));
        for (String wrong : List.of("office", "deputy-headteacher", "Headteacher")) {
            String message = refused(variant(empty, "\"notify\": {\"incident\": [], \"urgent\": [\"" + wrong + "\"]}"))
                    .getMessage();
            assertTrue(message.contains("notify.urgent role '" + wrong + "' is not a staff account role"), message);
            assertTrue(message.contains(StaffRole.knownFormWords()), message);
        }
    }

    @Test
    void aDuplicateKeyIsRefused() throws IOException {
        String message = refused(variant("\"kind\": \"agreement\",", "\"kind\": \"agreement\", \"kind\": \"consent\",")).getMessage();
        assertTrue(message.contains("kind"), message);
    }

    @Test
    void aTemplatePreviewSaysSoAndASchoolsOwnManifestLeavesItOut() throws IOException {
        Manifest own = ManifestJson.read(fixture());
        assertFalse(own.preview(), "absent: a school's own site");
        assertFalse(ManifestJson.write(own).contains("preview"), "written only when true");
        Manifest preview = ManifestJson.read(variant("\"forms\": [", "\"preview\": true, \"forms\": ["));
        assertTrue(preview.preview());
        Path copy = folder.resolve("preview-copy.json");
        Files.writeString(copy, ManifestJson.write(preview), StandardCharsets.UTF_8);
        assertTrue(ManifestJson.read(copy).preview(), "a preview stays a preview when written and read back");
        assertTrue(refused(variant("\"forms\": [", "\"preview\": \"yes\", \"forms\": [")).getMessage().contains("preview"));
    }

    /** ADR 0101: what the school calls a staff role, by account word and language; absent means none. */
    @Test
    void aSchoolsRoleTitlesAreReadAndWrittenOnlyWhenGiven() throws IOException {
        Manifest own = ManifestJson.read(fixture());
        assertEquals(java.util.Optional.empty(), own.roleTitle("online-safety-coordinator", "en"));
        assertFalse(ManifestJson.write(own).contains("roleTitles"), "written only when the school gives one");
        Manifest titled = ManifestJson.read(variant("\"forms\": [", "\"roleTitles\": {\"online-safety-coordinator\":"
                + " {\"en\": \"Digital Leader\", \"cy\": \"Arweinydd Digidol\"}}, \"forms\": ["));
        assertEquals("Digital Leader", titled.roleTitle("online-safety-coordinator", "en").orElseThrow());
        assertEquals("Arweinydd Digidol", titled.roleTitle("online-safety-coordinator", "cy").orElseThrow());
        assertEquals(java.util.Optional.empty(), titled.roleTitle("headteacher", "cy"), "a role without one keeps its name");
        Path copy = folder.resolve("titled-copy.json");
        Files.writeString(copy, ManifestJson.write(titled), StandardCharsets.UTF_8);
        assertEquals(titled, ManifestJson.read(copy), "written and read back the same");
        assertEquals(ManifestJson.versionedText(own.forms().get(0)), ManifestJson.versionedText(titled.forms().get(0)),
                "no form's version changes");

        assertTrue(refused(variant("\"forms\": [", "\"roleTitles\": {\"online-safety-co-ordinator\": {\"en\": \"X\"}},"
                + " \"forms\": [")).getMessage().contains("not a staff role"));
        assertTrue(refused(variant("\"forms\": [", "\"roleTitles\": {\"headteacher\": {\"fr\": \"X\"}}, \"forms\": ["))
                .getMessage().contains("not a language the school publishes"));
        assertTrue(refused(variant("\"forms\": [", "\"roleTitles\": {\"headteacher\": {\"en\": \" \"}}, \"forms\": ["))
                .getMessage().contains("is empty"));
        refused(variant("\"forms\": [", "\"roleTitles\": {\"headteacher\": {\"en\": null}}, \"forms\": ["));
    }

    @Test
    void aStatementsShortLabelIsReadAndNamesItElseItsText() throws IOException {
        Manifest labelled = ManifestJson.read(variant("\"statements\": [{\"id\": \"website\", \"text\": {\"en\": \"On the website\", \"cy\": \"Ar y wefan\"}}]",
                "\"statements\": [{\"id\": \"website\", \"text\": {\"en\": \"On the website\", \"cy\": \"Ar y wefan\"}, "
                        + "\"label\": {\"en\": \"Website\", \"cy\": \"Gwefan\"}}]"));
        ConsentStatement statement = labelled.form("images-consent").orElseThrow().field("photos").orElseThrow().statements().get(0);
        assertEquals("Gwefan", statement.shortLabel("cy"));
        assertEquals("Website", statement.shortLabel("en"));
        ConsentStatement plain = ManifestJson.read(fixture()).form("images-consent").orElseThrow().field("photos").orElseThrow()
                .statements().get(0);
        assertEquals("Ar y wefan", plain.shortLabel("cy"), "without a label, the statement's own text");
        Path copy = folder.resolve("label-copy.json");
        Files.writeString(copy, ManifestJson.write(labelled), StandardCharsets.UTF_8);
        assertEquals(labelled, ManifestJson.read(copy));
    }

    @Test
    void noLanguagesIsRefused() throws IOException {
        assertTrue(refused(variant("\"languages\": [\"en\", \"cy\"]", "\"languages\": []")).getMessage().contains("languages is empty"));
    }

    @Test
    void notJsonIsRefusedWithItsLine() throws IOException {
        String message = refused(variant("\"forms\": [", "\"forms\": [[")).getMessage();
        assertTrue(message.contains("line "), message);
    }

    @Test
    void theVersionedTextLeavesOutWhoSignsAndTheVersionsInPropertyOrder() throws IOException {
        FormDefinition agreement = ManifestJson.read(fixture()).form("parent-agreement").orElseThrow();
        String text = ManifestJson.versionedText(agreement);
        assertFalse(text.contains("signedBy") || text.contains("versions") || text.contains("pages"), text);
        assertTrue(text.startsWith("{\"id\":\"parent-agreement\",\"kind\":\"agreement\",\"readerRole\":\"headteacher\","
                + "\"notify\":{\"incident\":[],\"urgent\":[]},\"retention\":{\"rule\":\"after-submission\",\"amount\":1,"
                + "\"unit\":\"years\",\"lastYearGroup\":\"year-6\"},\"title\":"), text);
        assertTrue(text.indexOf("\"declaration\"") < text.indexOf("\"confirmation\"")
                && text.indexOf("\"lawfulBasis\"") < text.indexOf("\"fields\""), text);
    }

    @Test
    void textsKeepTheSchoolsLanguageOrder() {
        Map<String, String> welshFirst = new java.util.LinkedHashMap<>();
        welshFirst.put("cy", "Enw");
        welshFirst.put("en", "Name");
        FieldOption option = new FieldOption("a", welshFirst);
        assertEquals(List.of("cy", "en"), List.copyOf(option.label().keySet()));
    }
}
