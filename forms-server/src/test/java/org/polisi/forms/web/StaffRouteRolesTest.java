package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polisi.forms.TestServer;
import org.polisi.forms.staff.StaffArea;
import org.polisi.forms.staff.StaffRecords;

/**
 * Tester 3's fault 5: the office's GET of {@code /staff/people} was refused (403) while its POST
 * answered 200 with "Nothing searched here mentions 'Tess'" and the JSON export an empty file. The
 * kind: a staff route refuses by role the same way whatever the method and whatever the variant
 * (page, CSV, JSON). This test walks the server's own route table, so a route added later is
 * covered without being listed here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffRouteRolesTest {

    private static final Map<String, String> ROLES = Map.of("headteacher", "head@test.example",
            "safeguarding-lead", "safe@test.example", "online-safety-coordinator", "online@test.example",
            "office", "office@test.example");

    /** Staff paths that are not an area's page: signing in and out, and records decided record by record. */
    private static final Set<String> NOT_AREAS = Set.of("/staff/login", "/staff/login/code", "/staff/login/school",
            "/staff/logout");

    TestServer server;
    StaffRecords records;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        ROLES.forEach((role, email) -> server.addStaff("testschool", "Staff " + role, email, role));
        records = server.staffRecords();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyMethodOfAStaffAreaPathIsGatedByTheSameArea() {
        Map<String, Set<String>> table = server.routes().table();
        Map<String, Map<String, StaffArea>> areas = server.routes().areas();
        List<String> ungated = new ArrayList<>();
        table.forEach((path, methods) -> {
            if (!path.startsWith("/staff/") || NOT_AREAS.contains(path) || path.startsWith("/staff/submissions/")) {
                return;
            }
            Map<String, StaffArea> gates = areas.getOrDefault(path, Map.of());
            for (String method : methods) {
                if (!gates.containsKey(method)) {
                    ungated.add(method + " " + path);
                }
            }
            assertEquals(1, Set.copyOf(gates.values()).size(), path + " is gated by more than one area: " + gates);
        });
        assertEquals(List.of(), ungated, "staff routes with no area gate: each must refuse by role as its page does");
        // a variant (.csv, .json) is gated by the area of the page it exports
        areas.forEach((path, gates) -> {
            String page = path.replaceFirst("\\.(csv|json)$", "");
            if (!page.equals(path) && areas.containsKey(page)) {
                assertEquals(areas.get(page).values().iterator().next(), gates.values().iterator().next(), path);
            }
        });
        assertTrue(areas.get("/staff/people").containsKey("POST"), "the table must hold the people search's POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"headteacher", "safeguarding-lead", "online-safety-coordinator", "office"})
    void everyGatedRouteAnswersAsItsAreaAllowsWhateverTheMethod(String role) {
        TestServer.Browser browser = server.loggedIn(ROLES.get(role));
        var user = server.staffUser(ROLES.get(role));
        int refused = 0;
        for (var route : server.routes().areas().entrySet()) {
            String path = route.getKey();
            for (var gate : route.getValue().entrySet()) {
                if ("HEAD".equals(gate.getKey())) {
                    continue;   // the GET's own handler
                }
                boolean allowed = records.mayOpen(user, gate.getValue());
                HttpResponse<String> response = "GET".equals(gate.getKey()) ? browser.get(path)
                        : browser.post(path, form("csrf-token", browser.csrf(), "name", "Tess"));
                if (allowed) {   // a page the role may open opens (an export or an action may still refuse its input)
                    if ("GET".equals(gate.getKey()) && !path.contains(".")) {
                        assertEquals(200, response.statusCode(), role + " GET " + path);
                    }
                } else {
                    refused++;
                    assertEquals(403, response.statusCode(), role + " " + gate.getKey() + " " + path + ": " + response.body());
                    assertFalse(response.body().contains("Tess"), "a refusal says nothing of the name searched for");
                }
            }
        }
        if ("office".equals(role)) {   // the office reads the fixture's office forms, not the roster, governors...
            assertTrue(refused >= 3, "office refused only " + refused + " routes");
        }
    }
}
