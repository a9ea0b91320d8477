package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polisi.forms.TestServer;

/** A password is the same password typed composed (NFC) or decomposed (NFD): RFC 8265 OpaqueString. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordNormalisationTest {

    TestServer server;
    int accounts;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Failures counted against the account name by the sign-in back-off ({@link LoginThrottle}). */
    private int failedLogins(String email) {
        return server.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT failures FROM login_throttle WHERE subject = :subject")
                .bind("subject", LoginThrottle.account(email)).mapTo(Integer.class).findOne().orElse(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ŵyn ŷ â ñ – cyfrinair hir", "Łódź żółć gęślą jaźń", "Nguyễn Đức mật khẩu dài"})
    void setComposedLogInDecomposedAndTheOtherWayRound(String password) {
        String nfc = Normalizer.normalize(password, Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(password, Normalizer.Form.NFD);
        String[][] cases = {{nfc, nfd}, {nfd, nfc}, {nfd, nfd}};
        for (String[] setAndTyped : cases) {
            String email = "staff" + (++accounts) + "@testschool.example";
            server.addStaff("testschool", "Staff " + accounts, email, "office", setAndTyped[0]);
            assertEquals(303, server.browser().login(email, setAndTyped[1]).statusCode(), email);
            assertEquals(0, failedLogins(email), "no refusal counted towards the back-off");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wyn y a n - cyfrinair hir", "Ŵyn ŷ â ñ – cyfrinair hir "})
    void aDifferentPasswordIsStillRefused(String typed) {
        String email = "other" + (++accounts) + "@testschool.example";
        server.addStaff("testschool", "Other " + accounts, email, "office", "Ŵyn ŷ â ñ – cyfrinair hir");
        assertEquals(401, server.browser().login(email, typed).statusCode());
        assertEquals(1, failedLogins(email));
    }
}
