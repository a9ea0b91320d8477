package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;

/**
 * The body limit follows the forms: the largest valid submission is accepted however it is
 * spelt, and only a body larger than any valid one is a 413. The fixture's incident report is given
 * the real incident form's 8,000 characters of text (site content, rumney) in one field, more than
 * 64 KiB once each curly quote is sent as %E2%80%99.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyLimitTest {

    static final int TEXT_LIMIT = 8000;
    static final int NAME_LIMIT = 100;

    TestServer server;
    Path manifests;

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        manifests = Files.createDirectories(folder.resolve("manifests"));
        String fixture = Files.readString(TestServer.fixture().resolve("manifests/testschool.json"));
        String larger = fixture.replace("{\"name\": \"what-happened\", \"type\": \"textarea\", \"required\": true,",
                "{\"name\": \"what-happened\", \"type\": \"textarea\", \"required\": true, \"maxLength\": " + TEXT_LIMIT + ",");
        assertTrue(!larger.equals(fixture), "the fixture's incident form was found");
        Files.writeString(manifests.resolve("testschool.json"), larger);
        server = TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String largestIncident(String character, int textLength) {
        return form(with(incident("en", "none", character.repeat(textLength)), "reporter-name",
                character.repeat(NAME_LIMIT)));
    }

    @Test
    void theLargestValidIncidentReportInThreeByteCharactersIsAccepted() {
        String body = largestIncident("’", TEXT_LIMIT);
        assertTrue(body.length() > 65_536, "larger than the old fixed limit: " + body.length());
        HttpResponse<String> response = server.browser().post("/forms/testschool/incident-report", body);
        assertEquals(303, response.statusCode(), response.body());
        Map<String, Object> answers = CanonicalJson.readFields(server.jdbi().withExtension(SubmissionDao.class,
                dao -> dao.findByReference(reference(response))).orElseThrow().fieldsJson());
        assertEquals("’".repeat(TEXT_LIMIT), answers.get("what-happened"));
    }

    @Test
    void theLargestInFourByteCharactersOrDecomposedIsAcceptedToo() {
        assertEquals(303, server.browser().post("/forms/testschool/incident-report",
                largestIncident("😢", TEXT_LIMIT)).statusCode());
        String decomposed = "ệ".repeat(TEXT_LIMIT); // e + U+0323 + U+0302 each: 21 bytes a character on the wire
        HttpResponse<String> response = server.browser().post("/forms/testschool/incident-report",
                form(with(incident("cy", "none", java.text.Normalizer.normalize(decomposed,
                        java.text.Normalizer.Form.NFD)), "reporter-name", "Nguyễn")));
        assertEquals(303, response.statusCode(), response.body());
    }

    @Test
    void oneCharacterOverTheFieldsLimitIsAFieldErrorNotA413() {
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/incident-report",
                largestIncident("’", TEXT_LIMIT + 1));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("must be 8,000 characters or fewer"), response.body());
    }

    @Test
    void aBodyLargerThanAnyValidSubmissionIsA413WithOrWithoutALength() throws Exception {
        long limit = BodyLimits.largestSubmission(new ManifestCatalog(manifests).school("testschool").orElseThrow());
        assertTrue(limit >= (long) TEXT_LIMIT * BodyLimits.BYTES_PER_CHARACTER, "limit " + limit);
        byte[] tooLarge = ("what-happened=" + "x".repeat((int) limit)).getBytes(StandardCharsets.US_ASCII);
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {
            HttpRequest.BodyPublishers.ofByteArray(tooLarge),
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(server.url("/forms/testschool/incident-report")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", server.origin())
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode());
        }
        assertEquals(0, server.count("SELECT count(*) FROM submission WHERE fields_json LIKE '%xxxxxxxx%'"));
    }
}
