package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue 16, stateless instances: staff sessions live in the database (V50), so a restart logs
 * nobody out and a session made on one instance works on another sharing the database.
 */
class SessionPersistenceTest {

    private static final String HEAD = "head@test.example";

    private static void signedIn(TestServer.Browser browser) {
        HttpResponse<String> page = browser.get("/staff/");
        assertEquals(200, page.statusCode(), "signed in: " + page.headers().map());
        assertTrue(page.body().contains(browser.csrf()), "the page carries the session's token");
    }

    private static void signedOut(TestServer.Browser browser) {
        HttpResponse<String> page = browser.get("/staff/");
        assertNotEquals(200, page.statusCode(), "not signed in");
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/staff/login"), page.headers().map().toString());
    }

    @Test
    void aSessionSurvivesARestartOnTheSameSqliteFile(@TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder).load();
        TestServer.Browser head;
        try (TestServer first = TestServer.start(config, Clock.systemUTC())) {
            first.addStaff("testschool", "Heledd Head", HEAD, "headteacher");
            head = first.browser();
            assertEquals(303, head.login(HEAD, TestServer.PASSWORD).statusCode());
            signedIn(head);
        }
        try (TestServer second = TestServer.start(config, Clock.systemUTC())) {
            TestServer.Browser afterRestart = head.to(second);
            signedIn(afterRestart);
            signedOut(second.browser());
            // the cookie's value is not in the database, only its SHA-256
            String cookie = afterRestart.cookie("polisi_staff");
            assertNotNull(cookie);
            assertEquals(0, second.count("SELECT count(*) FROM staff_session WHERE id_hash = '" + cookie + "'"));
            assertEquals(1, second.count("SELECT count(*) FROM staff_session WHERE id_hash = '"
                    + SessionStore.idHash(cookie) + "'"));
            // and signing out after the restart ends it for good
            assertEquals(303, afterRestart.post("/staff/logout", form("csrf-token", afterRestart.csrf())).statusCode());
            signedOut(head.to(second));
        }
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOtherAndEndsOnBoth(@TempDir Path folder) {
        DatabaseAddress shared = TestDatabases.postgresql();
        ServerConfig config = TestServer.onDatabase(TestServer.settings(folder), shared, folder).load();
        try (TestServer one = TestServer.start(config, Clock.systemUTC());
             TestServer other = TestServer.start(config, Clock.systemUTC())) {
            one.addStaff("testschool", "Heledd Head", HEAD, "headteacher");
            TestServer.Browser head = one.browser();
            assertEquals(303, head.login(HEAD, TestServer.PASSWORD).statusCode());
            TestServer.Browser onOther = head.to(other);
            signedIn(onOther);
            assertEquals(303, onOther.post("/staff/logout", form("csrf-token", onOther.csrf())).statusCode());
            signedOut(head.to(one));
        }
    }
}
