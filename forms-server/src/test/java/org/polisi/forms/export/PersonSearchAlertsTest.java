package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 10: a subject access search for "Athro" listed the same urgent alert twice:
 * an alert to two roles is two outbox rows, one per recipient, but it was raised once.
 */
class PersonSearchAlertsTest {

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anAlertToTwoRolesIsFoundOnce(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            // the fixture's online safety log alerts two roles (co-ordinator and headteacher) when urgent
            HttpResponse<String> sent = server.browser().postJson("/forms/testschool/online-safety-log",
                    "{\"form-id\": \"online-safety-log\", \"form-lang\": \"en\", \"form-version\": \"5c0ffac7721f\","
                            + " \"reporter-name\": \"Athro Huw\", \"urgent-concern\": \"immediate-risk\","
                            + " \"what-happened\": \"A child at risk\"}");
            assertEquals(201, sent.statusCode(), sent.body());
            assertTrue(server.count("SELECT count(*) FROM outbox WHERE raised_by IS NOT NULL") >= 2,
                    "one outbox row per recipient");
            PersonSearch.Findings found = new PersonSearch(server.jdbi()).find("Athro", PersonSearch.Scope.everything());
            assertEquals(1, found.alertsRaised().size(), found.alertsRaised().toString());
        }
    }
}
