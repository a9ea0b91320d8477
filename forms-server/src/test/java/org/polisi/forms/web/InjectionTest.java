package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;

/**
 * Hostile input is stored exactly as typed (ADR 0022: no cleaning) and never comes back as markup:
 * every output escapes it. TextPolicyTest sends a whole catalogue through every output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionTest {

    static final String SCRIPT = "<script>alert('x')</script>Robert";
    static final String IMAGE = "<img src=x onerror=alert(1)>Bobby";
    static final String SQL = "Robert'); DROP TABLE submission;--";

    TestServer server;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Map<String, Object> storedAnswers(HttpResponse<String> response) {
        String reference = reference(response);
        return CanonicalJson.readFields(server.jdbi().withExtension(SubmissionDao.class,
                dao -> dao.findByReference(reference)).orElseThrow().fieldsJson());
    }

    @Test
    void markupIsStoredAsTypedAndSqlIsJustText() {
        TestServer.Browser browser = server.browser();
        HttpResponse<String> response = browser.post("/forms/testschool/incident-report",
                form(with(with(incident("en", "none", IMAGE + "\n<b>bold</b> & <i>more</i>"), "reporter-name", SCRIPT),
                        "category", "other")));
        Map<String, Object> answers = storedAnswers(response);

        assertEquals(SCRIPT, answers.get("reporter-name"));
        assertEquals(IMAGE + "\n<b>bold</b> & <i>more</i>", answers.get("what-happened"));

        String receipt = browser.get(response.headers().firstValue("Location").orElseThrow()).body();
        Document page = Jsoup.parse(receipt);
        assertTrue(page.select("main script, main img, main b, main i").isEmpty(), "no markup came back");
        assertTrue(receipt.contains("&lt;script&gt;alert('x')&lt;/script&gt;Robert"), receipt);

        HttpResponse<String> sql = browser.post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "parent-name", SQL)));
        assertEquals(SQL, storedAnswers(sql).get("parent-name"));
        assertTrue(server.count("SELECT count(*) FROM submission") >= 2, "the table is still there");
    }

    @Test
    void theReceiptShowsStoredTextEscaped() {
        TestServer.Browser browser = server.browser();
        HttpResponse<String> response = browser.post("/forms/testschool/parent-agreement",
                form(with(with(agreement("en"), "parent-name", "a < b & \"c\""), "comments", "<3 x")));
        String page = browser.get(response.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("a &lt; b &amp; \"c\""), page);
        assertFalse(page.contains("<script"));
    }

    @Test
    void aReshownPageNeverEchoesMarkup() {
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/parent-agreement",
                form(with(with(agreement("en"), "parent-name", "\"><script>alert(1)</script>"), "email", "<svg onload=alert(1)>")));
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.select("script").isEmpty(), "no script element came back");
        assertTrue(page.select("svg").isEmpty());
        assertEquals("\"><script>alert(1)</script>", page.getElementById("parent-agreement--parent-name").val());
        assertFalse(response.body().contains("\"><script>"), "the quote that would end the attribute is escaped");
    }

    @Test
    void anUnexpectedFieldNameIsEscapedInTheMessage() {
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "<b onmouseover=x>", "1")));
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("<b onmouseover"));
    }
}
