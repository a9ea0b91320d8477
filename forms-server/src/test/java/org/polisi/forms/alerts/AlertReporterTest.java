package org.polisi.forms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.Submissions.without;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestMail;
import org.polisi.forms.TestServer;

/**
 * Issue 23, fault 8: the urgent alert records the person reporting ({@code reported-by}, as in the
 * schools' real incident form), never the person who took action ({@code action-taken-by}), and
 * nobody when the reporter field is blank; since ADR 0081 the e-mail itself names nobody.
 */
class AlertReporterTest {

    /** The fixture's manifests with the incident form shaped like the real one: action-taken-by, then reported-by. */
    private static Path realShapedManifests(Path folder) throws Exception {
        Path manifests = Files.createDirectories(folder.resolve("manifests"));
        ObjectMapper json = new ObjectMapper();
        for (String school : new String[] {"testschool", "otherschool"}) {
            ObjectNode manifest = (ObjectNode) json.readTree(TestServer.fixture().resolve("manifests/" + school + ".json").toFile());
            for (var formNode : manifest.withArray("forms")) {
                if (!formNode.path("id").asText().equals("incident-report")) {
                    continue;
                }
                ArrayNode fields = (ArrayNode) formNode.get("fields");
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i).path("name").asText().equals("reporter-name")) {
                        ((ObjectNode) fields.get(i)).put("name", "reported-by").put("required", false);
                        ObjectNode actionBy = fields.insertObject(i);
                        actionBy.put("name", "action-taken-by").put("type", "name").put("required", false);
                        actionBy.putObject("label").put("en", "Who took the action?").put("cy", "Pwy gymerodd y camau?");
                        actionBy.putArray("options");
                        actionBy.putArray("statements");
                        break;
                    }
                }
            }
            Files.writeString(manifests.resolve(school + ".json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);
        }
        return manifests;
    }

    @Test
    void theAlertNamesTheReporterNotWhoTookAction(@TempDir Path folder) throws Exception {
        GreenMail mail = TestMail.start();
        int port = mail.getSmtp().getPort();
        try (TestServer server = TestServer.start(TestServer.settings(folder)
                .set("manifest-dir", realShapedManifests(folder))
                .set("alerts.smtp-host", "127.0.0.1").set("alerts.smtp-port", port).set("alerts.smtp-starttls", false)
                .set("alerts.from", "polisi@testschool.example").set("alerts.interval-seconds", 3600)
                .load(), Clock.systemUTC())) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            String[] report = without(incident("en", "illegal-content", "details"), "reporter-name");
            reference(server.browser().post("/forms/testschool/incident-report",
                    form(with(with(report, "action-taken-by", "Dai Action"), "reported-by", "Gareth Reporter"))));
            reference(server.browser().post("/forms/testschool/incident-report",
                    form(with(with(report, "action-taken-by", "Dai Action"), "reported-by", ""))));

            assertEquals(new AlertDelivery.Round(2, 0), server.alerts().deliverPending());
            var received = mail.getReceivedMessages();
            assertEquals(2, received.length);
            String named = new String(received[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String blank = new String(received[1].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // the outbox records the reporter (for a subject access search), never who took action; the
            // e-mail itself names nobody (ADR 0081: no text a member of the public typed)
            assertEquals(java.util.List.of("Gareth Reporter"), server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT raised_by FROM outbox WHERE raised_by IS NOT NULL AND raised_by <> ''").mapTo(String.class).list()));
            assertFalse(named.contains("Gareth Reporter") || named.contains("Dai Action"), named);
            assertFalse(blank.contains("Dai Action"), "a blank reporter is not replaced by another name: " + blank);
        } finally {
            mail.stop();
        }
    }
}
