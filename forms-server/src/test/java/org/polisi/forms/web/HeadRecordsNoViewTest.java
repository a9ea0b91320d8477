package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * Tester 3's fault 17: {@code curl -I} of the CSV export recorded every incident report as viewed "in
 * a spreadsheet download" that never happened. A HEAD sends no body: it answers as its GET does and
 * records no view, on the export and on a record's page; the GET still records one. Both databases.
 */
class HeadRecordsNoViewTest {

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aHeadRequestIsAnsweredAsItsGetAndRecordsNoView(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "A message on a tablet"))));
            server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
            TestServer.Browser head = server.loggedIn("head@testschool.example");
            String views = "SELECT count(*) FROM incident_view";
            for (String path : new String[] {"/staff/export.csv?form=incident-report", "/staff/submissions/" + report}) {
                int before = server.count(views);
                assertEquals(200, head.head(path).statusCode(), path);
                assertEquals(before, server.count(views), "HEAD " + path + " recorded a view");
                assertEquals(200, head.get(path).statusCode(), path);
                assertEquals(before + 1, server.count(views), "GET " + path + " records its view");
            }
        }
    }
}
