package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;

/** A body that is not valid in its charset is refused with a 400 naming the field, never repaired and stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncodingRefusalTest {

    static final Map<String, String> FIELD_MESSAGE = Map.of(
            "en", "We could not read what was sent for ‘Your name’",
            "cy", "Nid oeddem yn gallu darllen yr hyn a anfonwyd ar gyfer ‘Eich enw’");

    TestServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private int stored() {
        return server.count("SELECT count(*) FROM submission");
    }

    /** The agreement, urlencoded, with the parent's name given as raw (already percent-encoded or byte) text. */
    private static byte[] agreementWithName(String language, byte[] name) {
        String encoded = form(with(agreement(language), "parent-name", "PLACEHOLDER"));
        int at = encoded.indexOf("PLACEHOLDER");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encoded.substring(0, at).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(name);
        out.writeBytes(encoded.substring(at + "PLACEHOLDER".length()).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url("/forms/testschool/parent-agreement")))
                .header("Content-Type", contentType).header("Origin", server.origin())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource({"en, Si%C3%28n", "cy, Si%C3%28n", "en, Sin%E9ad", "cy, Sin%E9ad", "en, %ED%A0%80", "cy, %F4%90%80%80"})
    void invalidUtf8GetsTheFormBackWithTheFieldsErrorInItsLanguage(String language, String name) throws Exception {
        assertNameRefusedWithItsFieldsError(language, name);
    }

    /** The agreement posted with the name's raw bytes: 400, the form again with the name's error, nothing stored. */
    private void assertNameRefusedWithItsFieldsError(String language, String rawName) throws Exception {
        int before = stored();
        HttpResponse<String> response = post(agreementWithName(language, rawName.getBytes(StandardCharsets.US_ASCII)),
                "application/x-www-form-urlencoded");

        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals(language, page.selectFirst("html").attr("lang"));
        assertTrue(page.select(".error-summary__list a[href=#parent-agreement--parent-name]").text()
                .startsWith(FIELD_MESSAGE.get(language)), page.select(".error-summary").text());
        assertEquals("", page.getElementById("parent-agreement--parent-name").val(), "nothing repaired is put back");
        assertEquals("sian@example.org", page.getElementById("parent-agreement--email").val(), "the rest is kept");
        assertEquals(before, stored(), "nothing stored");
    }

    /** Issue 23: a malformed percent-escape was stored literally ("%zz" as the parent's name). */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource({"en, Si%zzn", "cy, Si%zzn", "en, 100%", "cy, Si%2", "en, %g0", "cy, %%41"})
    void aMalformedPercentEscapeIsRefusedWith400AndNotStoredLiterally(String language, String name) throws Exception {
        assertNameRefusedWithItsFieldsError(language, name);

        HttpResponse<String> escaped = post(agreementWithName(language, "100%25 Si%C3%A2n".getBytes(StandardCharsets.US_ASCII)),
                "application/x-www-form-urlencoded");
        assertEquals(303, escaped.statusCode(), "a % sent as %25 is read: " + escaped.body());
    }

    @Test
    void anUndeclaredLatin1ByteIsRefusedAndTheSameByteDeclaredIsRead() throws Exception {
        int before = stored();
        byte[] raw = {'S', 'i', 'n', (byte) 0xE9, 'a', 'd'};
        assertEquals(400, post(agreementWithName("en", raw), "application/x-www-form-urlencoded").statusCode());
        assertEquals(before, stored());

        HttpResponse<String> declared = post(agreementWithName("en", raw),
                "application/x-www-form-urlencoded; charset=ISO-8859-1");
        assertEquals(303, declared.statusCode(), declared.body());
        String reference = reference(declared);
        assertEquals("Sinéad", CanonicalJson.readFields(server.jdbi().withExtension(SubmissionDao.class,
                dao -> dao.findByReference(reference)).orElseThrow().fieldsJson()).get("parent-name"));
    }

    @ParameterizedTest
    @CsvSource({"en, We could not read this form", "cy, Nid oeddem yn gallu darllen y ffurflen hon"})
    void anUnsupportedCharsetIsRefusedForTheWholeForm(String language, String message) throws Exception {
        int before = stored();
        HttpResponse<String> response = post(form(agreement(language)).getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded; charset=x-no-such-charset");
        assertEquals(400, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).select(".error-summary").text().contains(message), response.body());
        assertEquals(before, stored());
    }

    @ParameterizedTest
    @CsvSource({"en", "cy"})
    void jsonWithALoneSurrogateGetsA400NamingTheField(String language) throws Exception {
        int before = stored();
        String json = "{\"form-id\":\"parent-agreement\",\"form-lang\":\"" + language + "\","
                + "\"form-version\":\"" + org.polisi.forms.Submissions.version(language, 1) + "\","
                + "\"parent-name\":\"Si\\ud800n\",\"email\":\"sian@example.org\",\"pupil-year\":\"year-3\","
                + "\"agree-points\":[\"rules\"]}";
        HttpResponse<String> response = post(json.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(400, response.statusCode());
        JsonNode errors = new ObjectMapper().readTree(response.body()).get("errors");
        assertTrue(errors.get("parent-name").asText().startsWith(FIELD_MESSAGE.get(language)), response.body());
        assertEquals(before, stored());

        byte[] badByte = json.replace("Si\\ud800n", "Si\u00e9n").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> latin1 = post(badByte, "application/json");
        assertEquals(400, latin1.statusCode());
        assertTrue(new ObjectMapper().readTree(latin1.body()).get("errors").has("parent-name"), latin1.body());
        assertEquals(before, stored());
    }
}
