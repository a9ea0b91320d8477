package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.MovingClock;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 10: an incident date of 2099-01-01 was accepted. An incident report's
 * dates are of what has happened: one after today (in Wales) is refused with the field's own message
 * in the form's language. A date that may be in the future on another kind of form (an agreement's
 * start date) is still accepted. Tester 3's fault 15: one more than 100 years ago is refused too, and a
 * date written day/month/year is told how to write it.
 */
class FutureIncidentDateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIncidentDateAfterTodayIsRefusedInTheFormsLanguage(@TempDir Path folder) throws Exception {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path school = manifests.resolve("testschool.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(school.toFile());
        for (var form : manifest.withArray("forms")) {
            if ("incident-report".equals(form.get("id").asText())) {
                ((ArrayNode) form.get("fields")).add(JSON.readTree("{\"name\": \"date\", \"type\": \"date\", "
                        + "\"required\": false, \"label\": {\"en\": \"Date of the incident\", \"cy\": \"Dyddiad y digwyddiad\"},"
                        + " \"options\": [], \"statements\": []}"));
            }
        }
        Files.writeString(school, JSON.writeValueAsString(manifest));
        MovingClock clock = new MovingClock();
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(), clock)) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
            for (String language : new String[] {"en", "cy"}) {
                HttpResponse<String> future = post(server, language, "2099-01-01");
                assertEquals(400, future.statusCode(), future.body());
                String said = JSON.readTree(future.body()).path("errors").path("date").asText();
                assertTrue(said.contains(language.equals("en") ? "must be today or a day in the past"
                        : "fod heddiw neu ddiwrnod yn y gorffennol"), future.body());
                String tomorrow = JSON.readTree(post(server, language, today.plusDays(1).toString()).body())
                        .path("errors").path("date").asText();
                assertTrue(!tomorrow.isEmpty(), "tomorrow is refused too");
                assertEquals("", JSON.readTree(post(server, language, today.toString()).body())
                        .path("errors").path("date").asText(), "today is an incident's date");
                // tester 3's fault 15: 1900-01-01 is a slip of the year, not an incident to record
                String old = JSON.readTree(post(server, language, "1900-01-01").body()).path("errors").path("date").asText();
                assertTrue(old.contains(language.equals("en") ? "is more than 100 years ago: check the year"
                        : "fwy na 100 mlynedd yn ôl"), old);
                assertEquals("", JSON.readTree(post(server, language, today.minusYears(99).toString()).body())
                        .path("errors").path("date").asText(), "an old event disclosed late is still taken");
                String typedUk = JSON.readTree(post(server, language, "30/11/2026").body()).path("errors").path("date").asText();
                assertTrue(typedUk.contains("2026-11-30"), "the message shows how to write it: " + typedUk);
            }
            assertEquals(303, server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "start-date", "2099-09-01"))).statusCode(), "an agreement may start later");
        }
    }

    private static HttpResponse<String> post(TestServer server, String language, String date) {
        return server.browser().postJson("/forms/testschool/incident-report", "{\"form-id\": \"incident-report\","
                + " \"form-lang\": \"" + language + "\", \"date\": \"" + date + "\", \"urgent-concern\": \"none\"}");
    }
}
