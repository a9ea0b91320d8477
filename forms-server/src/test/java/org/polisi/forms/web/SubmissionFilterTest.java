package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * A date on the staff filters that is not a date is refused with 400 and a message for that field
 * in the page's language, never ignored (which listed or exported every date as if filtered).
 */
class SubmissionFilterTest {

    @Test
    void aDateThatIsNotADateIsSaidSoPerFieldInThePagesLanguage(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Sam Safe", "safe@test.example", "safeguarding-lead");
            String reference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Rhys was pushed"))));
            TestServer.Browser staff = server.loggedIn("safe@test.example");
            int views = server.count("SELECT count(*) FROM incident_view");
            for (String path : List.of("/staff/submissions", "/staff/export.csv")) {
                for (String query : List.of("?from=2026-02-30", "?to=yesterday", "?from=31/12/2026&to=2026-13-01",
                        "?form=incident-report&from=%22%3E%3Cscript%3E")) {
                    HttpResponse<String> response = staff.get(path + query);
                    assertEquals(400, response.statusCode(), path + query);
                    Document page = Jsoup.parse(response.body());
                    assertNotNull(page.selectFirst(".error-summary"), path + query);
                    assertFalse(response.body().contains(reference), "nothing listed as if filtered: " + path + query);
                    assertFalse(response.body().contains("\"><script>"), "the text typed is escaped");
                }
            }
            Document both = Jsoup.parse(staff.get("/staff/submissions?from=2026-02-30&to=nonsense").body());
            assertEquals(List.of("Enter ‘Received from’ as a real date, for example 2026-09-01",
                    "Enter ‘Received up to’ as a real date, for example 2026-12-31"),
                    both.select(".error-summary li").eachText());
            assertEquals("2026-02-30", both.getElementById("filter--from").attr("value"), "kept as typed");
            assertTrue(both.getElementById("filter--from--error").text().contains("Received from"));
            assertEquals("filter--to--error", both.getElementById("filter--to").attr("aria-describedby"));
            Document welsh = Jsoup.parse(staff.get("/staff/submissions?lang=cy&to=nonsense").body());
            assertEquals(List.of("Rhowch ‘Derbyniwyd hyd at’ fel dyddiad go iawn, er enghraifft 2026-12-31"),
                    welsh.select(".error-summary li").eachText());
            assertEquals(views, server.count("SELECT count(*) FROM incident_view"), "a refused export views nothing");
            // real dates still filter
            assertTrue(staff.get("/staff/submissions?from=2000-01-01&to=9999-12-30").body().contains(reference));
            assertEquals(200, staff.get("/staff/export.csv?from=2000-01-01").statusCode());
        }
    }
}
