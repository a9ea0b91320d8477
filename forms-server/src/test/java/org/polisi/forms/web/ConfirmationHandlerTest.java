package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 20, fault 4: "the receipt page expires after two hours; no link to withdrawing later". A
 * consent's receipt links to withdrawing or changing it with the reference, the receipt's address
 * carries nothing personal, and once the receipt has expired its reference still says which form
 * it was and when, without the answers, in the form's language.
 */
class ConfirmationHandlerTest {

    @Test
    void aConsentsReceiptLinksToWithdrawingItWithItsReferenceAndNothingPersonalInTheAddress(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser parent = server.browser();
            HttpResponse<String> sent = parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Nia Morgan", "given", "refused")));
            String receipt = sent.headers().firstValue("Location").orElseThrow();
            assertFalse(receipt.contains("Nia") || receipt.contains("Morgan"), receipt);
            Document page = Jsoup.parse(parent.get(receipt).body());
            String reference = page.selectFirst(".reference").text();
            assertEquals("/testschool/en/consent-withdrawal.html?reference=" + reference,
                    page.selectFirst(".withdraw-link a").attr("href"));
            assertEquals("Withdraw this consent", page.selectFirst(".withdraw-link a").text(),
                    "the link says only what it does (tester 7's finding 5)");
            assertTrue(page.selectFirst(".change-note").text().startsWith("To change an answer, send the form again"),
                    "and the receipt says how an answer is changed");
            Document withdrawal = Jsoup.parse(parent.get(page.selectFirst(".withdraw-link a").attr("href")).body());
            assertEquals(reference, withdrawal.selectFirst("input[name=reference]").attr("value"),
                    "the withdrawal form comes with the reference filled in");
            assertEquals("", Jsoup.parse(parent.get("/testschool/en/consent-withdrawal.html?reference=%3Cb%3E").body())
                    .selectFirst("input[name=reference]").attr("value"), "only a well-formed reference is filled in");
            Document welsh = Jsoup.parse(parent.get(receipt + "&lang=cy").body());
            assertEquals("Tynnu’r caniatâd hwn yn ôl", welsh.selectFirst(".withdraw-link a").text());
            assertTrue(welsh.selectFirst(".change-note").text().startsWith("I newid ateb, anfonwch y ffurflen eto"));

            HttpResponse<String> agreementSent = parent.post("/forms/testschool/parent-agreement", form(agreement("en")));
            Document agreement = Jsoup.parse(parent.get(agreementSent.headers().firstValue("Location").orElseThrow()).body());
            assertNull(agreement.selectFirst(".withdraw-link"), "an agreement is not a consent to withdraw");
            assertNull(agreement.selectFirst(".change-note"), "nor said to be changed by sending it again");
        }
    }

    @Test
    void anExpiredReceiptStillSaysWhichFormAndWhenButNotTheAnswers(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("receipt.lifetime-minutes", 0).load(),
                Clock.systemUTC())) {
            TestServer.Browser parent = server.browser();
            HttpResponse<String> sent = parent.post("/forms/testschool/images-consent",
                    form(consent("cy", "Nia Morgan", "given", "refused")));
            String receipt = sent.headers().firstValue("Location").orElseThrow();
            Thread.sleep(2100); // the token's expiry is to the second: this one has now passed
            HttpResponse<String> expired = parent.get(receipt);
            assertEquals(200, expired.statusCode());
            Document page = Jsoup.parse(expired.body());
            assertEquals("cy", page.selectFirst("html").attr("lang"), "in the form's language");
            assertEquals("Eich cyfeirnod", page.selectFirst("h1").text());
            assertTrue(page.text().contains("Mae’r cyfeirnod hwn ar gyfer ‘Defnyddio delweddau digidol’, a dderbyniwyd ar "),
                    page.text());
            assertFalse(page.text().contains("Nia Morgan"), "no answers once expired");
            assertNull(page.selectFirst(".receipt"));
            assertTrue(page.selectFirst(".withdraw-link a").attr("href").startsWith("/testschool/cy/consent-withdrawal.html"));

            Document english = Jsoup.parse(parent.get(receipt + "&lang=en").body());
            assertTrue(english.text().contains("This reference is for ‘Use of digital images’, received on "), english.text());

            String forged = receipt.substring(0, receipt.lastIndexOf('.') + 1) + "forged";
            assertEquals(404, parent.get(forged).statusCode(), "a token this server did not sign opens nothing");
            String reference = receipt.substring(receipt.indexOf("/received/") + 10, receipt.indexOf('?'));
            assertEquals(404, parent.get("/forms/testschool/received/" + reference).statusCode(),
                    "a reference alone opens nothing");
        }
    }
}
