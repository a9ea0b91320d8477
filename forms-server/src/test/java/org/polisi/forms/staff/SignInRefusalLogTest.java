package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.LogCapture;
import org.polisi.forms.MovingClock;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue 23 (a tester, 23:40): a sixth wrong second-factor code wrote three log lines (the refusal,
 * the back-off starting, and the notifier's "no SMTP server"), against one line per refused request.
 * Every refusal of a sign-in step is walked against a real server, with the server's log captured by
 * a real logback appender, and each request must leave exactly one line: wrong password, unknown
 * e-mail address, the sixth of each (where back-off starts), a throttled one, a wrong code, the
 * sixth wrong code, a code after the pending sign-in expired, and a disabled account.
 */
class SignInRefusalLogTest {

    private static final String EMAIL = "lead@log.example";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyRefusedSignInStepWritesExactlyOneLine(TestDatabases.Kind kind, @TempDir Path folder) {
        MovingClock clock = new MovingClock();
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, clock)) {
            server.addStaff("testschool", "Dafydd Lead", EMAIL, "safeguarding-lead");
            List<String> problems = new ArrayList<>();

            // the password step: five failures are free, the sixth starts the account's back-off
            for (int attempt = 1; attempt <= 6; attempt++) {
                TestServer.Browser browser = server.browser();
                expect(problems, "wrong password " + attempt, 401, () -> browser.passwordStep(EMAIL, "not the password"));
            }
            expect(problems, "throttled password step", 429,
                    () -> server.browser().passwordStep(EMAIL, TestServer.PASSWORD));
            startAfresh(server, clock);
            for (int attempt = 1; attempt <= 6; attempt++) {
                TestServer.Browser browser = server.browser();
                String unknown = "nobody-" + attempt + "@log.example";
                expect(problems, "unknown address " + attempt, 401, () -> browser.passwordStep(unknown, "not the password"));
            }
            startAfresh(server, clock);

            // the code step: a right password, then six wrong codes (the sixth starts the back-off)
            TestServer.Browser phone = server.browser();
            HttpResponse<String> codePage = phone.passwordStep(EMAIL, TestServer.PASSWORD);
            assertEquals(200, codePage.statusCode(), "the code page");
            for (int attempt = 1; attempt <= 6; attempt++) {
                expect(problems, "wrong code " + attempt, 401, () -> phone.codeStep(codePage, "000000"));
            }
            startAfresh(server, clock);

            // a code after the pending sign-in expired
            TestServer.Browser slow = server.browser();
            HttpResponse<String> slowCodePage = slow.passwordStep(EMAIL, TestServer.PASSWORD);
            clock.advance(Duration.ofMinutes(6));
            expect(problems, "expired pending sign-in", 401,
                    () -> slow.codeStep(slowCodePage, server.secondFactorCode(EMAIL)));
            startAfresh(server, clock);

            // a disabled account: at the password step, and at the code step of a sign-in begun before
            TestServer.Browser begun = server.browser();
            HttpResponse<String> begunCodePage = begun.passwordStep(EMAIL, TestServer.PASSWORD);
            server.jdbi().useHandle(handle -> handle.execute("UPDATE staff_user SET disabled = 1 WHERE email = ?", EMAIL));
            expect(problems, "disabled account, password step", 401,
                    () -> server.browser().passwordStep(EMAIL, TestServer.PASSWORD));
            expect(problems, "disabled account, code step", 401,
                    () -> begun.codeStep(begunCodePage, server.secondFactorCode(EMAIL)));

            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    /** Past every back-off, and a sign-in that succeeds, which clears the address's and the account's failures. */
    private static void startAfresh(TestServer server, MovingClock clock) {
        clock.advance(Duration.ofHours(2));
        server.loggedIn(EMAIL);
    }

    /** Sends one request with the log captured; notes a wrong status or any count of lines but one. */
    private static void expect(List<String> problems, String what, int status, Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response;
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            response = request.get();
            lines = log.lines().stream().filter(line -> !line.contains("AlertDelivery")).toList();
        }
        if (response.statusCode() != status) {
            problems.add(what + ": status " + response.statusCode() + ", expected " + status);
        }
        if (lines.size() != 1) {
            problems.add(what + ": " + lines.size() + " lines " + lines);
        } else {
            assertFalse(lines.get(0).contains("\tat "), what + ": " + lines.get(0));
        }
    }
}
