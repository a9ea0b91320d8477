package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.manifest.ManifestCatalog;

/**
 * Issue 23, fault 7: a TOTP second factor (RFC 6238), required for the roles that read incident
 * reports and optional for the others, set up at {@code /staff/account} without JavaScript from a
 * QR code drawn by the server or its key as text, with single-use recovery codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorTest {

    TestServer server;
    SecondFactor codes;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        codes = server.secondFactor();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private long step() {
        return Math.floorDiv(Clock.systemUTC().instant().getEpochSecond(), 30);
    }

    @Test
    void aHeadteacherWithoutASecondFactorMustSetOneUpBeforeAnythingElse() throws Exception {
        for (String role : List.of("headteacher", "safeguarding-lead")) {
            String email = role + "@enrol.example";
            server.addStaffWithoutSecondFactor("testschool", "New " + role, email, role);
            TestServer.Browser browser = server.browser();
            HttpResponse<String> signedIn = browser.passwordStep(email, TestServer.PASSWORD);
            assertEquals(303, signedIn.statusCode());
            assertEquals("/staff/account", signedIn.headers().firstValue("Location").orElseThrow());
            for (String page : List.of("/staff/", "/staff/submissions", "/staff/consents", "/staff/export.csv")) {
                HttpResponse<String> response = browser.get(page);
                assertEquals(303, response.statusCode(), page);
                assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith("/staff/account"), page);
            }

            Document account = Jsoup.parse(browser.get("/staff/account").body());
            assertTrue(account.text().contains("must set up a second factor"), account.text());
            assertTrue(account.select("script").isEmpty(), "no JavaScript");
            String key = account.getElementById("second-factor-key").text().replace(" ", "");
            String qr = account.selectFirst("main img").attr("src");
            assertTrue(qr.startsWith("data:image/png;base64,"), qr.substring(0, 30));
            assertFalse(account.selectFirst("main img").attr("alt").isBlank(), "the QR code has a text alternative");
            String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                            .decode(qr.substring(qr.indexOf(',') + 1))))))),
                    // the server draws an upright code with its quiet zone and nothing else; without this hint
                    // zxing's finder-pattern search misses about 1 in 200 such codes (measured on 4,000 keys)
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            assertTrue(scanned.startsWith("otpauth://totp/") && scanned.contains("secret=" + key)
                    && scanned.contains("issuer=Polisi"), scanned);

            String csrf = TestServer.hiddenValue(account.outerHtml(), "csrf-token");
            assertEquals(422, browser.post("/staff/account/second-factor", form("csrf-token", csrf, "code", "000000"))
                    .statusCode(), "a wrong code");
            assertEquals(403, browser.post("/staff/account/second-factor",
                    form("csrf-token", "forged", "code", codes.codeFor(key, step()))).statusCode());
            long enrolmentStep = step(); // kept: a later step() may have crossed into the next 30 s window
            HttpResponse<String> done = browser.post("/staff/account/second-factor",
                    form("csrf-token", csrf, "code", codes.codeFor(key, enrolmentStep)));
            assertEquals(200, done.statusCode(), done.body());
            List<String> recovery = Jsoup.parse(done.body()).select(".recovery-codes code").eachText();
            assertEquals(10, recovery.size());
            assertEquals(200, browser.get("/staff/").statusCode(), "the staff pages are open now");

            // the next sign-in asks for a code; a used code is refused; a recovery code works once
            TestServer.Browser next = server.browser();
            HttpResponse<String> codePage = next.passwordStep(email, TestServer.PASSWORD);
            assertEquals(200, codePage.statusCode());
            assertTrue(codePage.body().contains("/staff/login/code"));
            assertEquals(401, next.codeStep(codePage, codes.codeFor(key, enrolmentStep)).statusCode(),
                    "a code is used once");
            assertEquals(401, next.codeStep(codePage, "123456").statusCode());
            assertEquals(303, next.codeStep(codePage, recovery.get(0)).statusCode());
            TestServer.Browser again = server.browser();
            HttpResponse<String> secondCodePage = again.passwordStep(email, TestServer.PASSWORD);
            assertEquals(401, again.codeStep(secondCodePage, recovery.get(0)).statusCode(), "a recovery code once");
            assertEquals(303, again.codeStep(secondCodePage, recovery.get(1).toUpperCase()).statusCode());
        }
    }

    @Test
    void anOfficeAccountMaySignInWithoutOneAndMayAddOne() {
        server.addStaffWithoutSecondFactor("testschool", "Olwen Office", "office@enrol.example", "office");
        TestServer.Browser browser = server.browser();
        HttpResponse<String> signedIn = browser.passwordStep("office@enrol.example", TestServer.PASSWORD);
        assertEquals(303, signedIn.statusCode());
        assertEquals("/staff/", signedIn.headers().firstValue("Location").orElseThrow());
        assertEquals(200, browser.get("/staff/").statusCode());
        Document account = Jsoup.parse(browser.get("/staff/account").body());
        assertTrue(account.text().contains("You can add a second factor"), account.text());
        assertNotNull(account.getElementById("second-factor-key"));
    }

    @Test
    void theCodePageNeedsThePasswordStepFirst() {
        TestServer.Browser browser = server.browser();
        String token = TestServer.hiddenValue(browser.get("/staff/login").body(), "csrf-token");
        HttpResponse<String> response = browser.post("/staff/login/code", form("csrf-token", token, "code", "123456"));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Sign in again"), response.body());
    }

    @Test
    void whoMustHaveASecondFactor() {
        ManifestCatalog manifests = new ManifestCatalog(TestServer.fixture().resolve("manifests"));
        SecondFactor policy = new SecondFactor(server.jdbi(), Clock.systemUTC(), manifests, server.sealingKey());
        assertTrue(policy.required(user("headteacher")));
        assertTrue(policy.required(user("safeguarding-lead")));
        assertFalse(policy.required(user("office")));
        // the fixture's online safety log is read by, and alerts, the online safety co-ordinator (issue 14)
        assertTrue(policy.required(user("online-safety-coordinator")));
    }

    private static StaffUser user(String role) {
        return new StaffUser(1, "testschool", 1, "X", "x@example.org", role, "", 0, null, null, false);
    }
}
