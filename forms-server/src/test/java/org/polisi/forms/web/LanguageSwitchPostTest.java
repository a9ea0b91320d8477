package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * The "Fill in this form in Welsh / English" button under a form on the site's page (docs/adr/0074)
 * posts the form with {@code switch-language}: nothing is checked or recorded, what was typed goes
 * to a draft, and the form is shown in that language with the answers and no errors. A language the
 * form is not published in leaves the draft in the language it was typed in.
 */
class LanguageSwitchPostTest {
    private static final String CONSENT = "/forms/testschool/images-consent";

    @Test
    void theSwitchKeepsTheAnswersInTheOtherLanguageInBothDirectionsAndRecordsNothing(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            for (String[] direction : new String[][] {{"en", "cy"}, {"cy", "en"}}) {
                HttpResponse<String> posted = server.browser().post(CONSENT,
                        form(with(consent(direction[0], "Nia Morgan", "given", ""), "switch-language", direction[1])));
                assertEquals(303, posted.statusCode(), posted.body());
                String location = posted.headers().firstValue("Location").orElseThrow();
                assertTrue(location.matches(CONSENT + "/answers/[A-Za-z0-9_-]{43}\\?lang=" + direction[1]), location);

                Document page = Jsoup.parse(server.browser().get(location).body());
                assertEquals(direction[1], page.selectFirst("html").attr("lang"));
                assertEquals("Nia Morgan", page.getElementById("images-consent--pupil-names--1").attr("value"));
                assertTrue(page.getElementById("images-consent--consent--photos-on-website").hasAttr("checked"));
                assertTrue(page.select(".error-summary__list a").isEmpty(), "nothing is checked yet: " + page.select(".error-summary"));
                assertEquals(direction[1], page.selectFirst("input[name=form-lang]").attr("value"));
            }
            assertEquals(0, server.count("SELECT count(*) FROM submission"), "nothing is recorded");

            HttpResponse<String> unknown = server.browser().post(CONSENT,
                    form(with(consent("en", "Nia Morgan", "given", ""), "switch-language", "fr")));
            assertEquals(303, unknown.statusCode());
            assertTrue(unknown.headers().firstValue("Location").orElseThrow().matches(CONSENT + "/answers/[A-Za-z0-9_-]{43}"),
                    "a language the form is not in: the draft stays in its own");
        }
    }
}
