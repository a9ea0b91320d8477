package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 20: "add another" works without JavaScript (the server shows the form again with one more box,
 * storing nothing), and a cluster template's preview takes no submissions (a clear 403, nothing stored).
 */
class AddAnotherAndPreviewTest {

    private static final String SUBMISSIONS = "SELECT count(*) FROM submission";

    @Test
    void addAnotherShowsTheFormAgainWithOneMoreBoxAndEverythingTyped(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String[] pairs = with(consent("en", "Gruffydd Jones", "given", ""), "add-another", "pupil-names");
            HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/images-consent", form(pairs));
            assertEquals(200, response.statusCode(), response.body());
            Document page = Jsoup.parse(response.body());
            Element group = page.selectFirst("fieldset[data-add-another=pupil-names]");
            List<Element> boxes = group.select("input[name=pupil-names]");
            // three values were sent (one typed, two empty boxes): all kept, and one more, up to the maximum of 3
            assertEquals(List.of("images-consent--pupil-names--1", "images-consent--pupil-names--2",
                    "images-consent--pupil-names--3"), boxes.stream().map(Element::id).toList());
            assertEquals("Gruffydd Jones", boxes.get(0).attr("value"));
            assertEquals(List.of("Pupil 1", "Pupil 2", "Pupil 3"), group.select("label").eachText());
            assertTrue(page.getElementById("images-consent--consent--photos-on-website").hasAttr("checked"),
                    "the answers given so far are kept");
            assertTrue(page.select(".error-summary").isEmpty(), "no errors: the person has not sent the form yet");
            assertTrue(group.select("button[name=add-another]").isEmpty(), "at the maximum, no more can be added");
            assertEquals(0, server.count(SUBMISSIONS), "nothing is stored");
        }
    }

    @Test
    void addAnotherFromOneBoxGivesTwoAndFocusesTheNewOne(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String[] pairs = with(pupils("Alys"), "add-another", "pupil-names");
            Document page = Jsoup.parse(server.browser().postAndFollow("/forms/testschool/images-consent", form(pairs)).body());
            List<Element> boxes = page.select("fieldset[data-add-another] input[name=pupil-names]");
            assertEquals(2, boxes.size());
            assertEquals("Alys", boxes.get(0).attr("value"));
            assertEquals("", boxes.get(1).attr("value"));
            assertTrue(boxes.get(1).hasAttr("autofocus"), "the new box has focus");
            assertFalse(page.select("fieldset[data-add-another] button[name=add-another]").isEmpty(),
                    "below the maximum the button stays");
        }
    }

    @Test
    void anErrorPageKeepsABoxForEveryNameTyped(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String[] pairs = pupils("Alys", "Bryn");
            HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/images-consent", form(pairs));
            assertEquals(200, response.statusCode());
            Document page = Jsoup.parse(response.body());
            assertEquals(List.of("Alys", "Bryn"), page.select("fieldset[data-add-another] input[name=pupil-names]").eachAttr("value"));
        }
    }

    /** The English images consent with these pupils (one box each) and no statement answered. */
    private static String[] pupils(String... names) {
        List<String> pairs = new java.util.ArrayList<>(List.of("form-id", "images-consent", "form-lang", "en",
                "form-version", "b66afb8d88e9", "consent.photos-on-website", "", "consent.video", "", "website", ""));
        for (String name : names) {
            pairs.addAll(List.of("pupil-names", name));
        }
        return pairs.toArray(String[]::new);
    }

    @Test
    void aTemplatePreviewTakesNoSubmissions(@TempDir Path folder) throws Exception {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path school = manifests.resolve("testschool.json");
        String json = Files.readString(school, StandardCharsets.UTF_8);
        Files.writeString(school, json.replaceFirst("\\{", "{\"preview\": true,"), StandardCharsets.UTF_8);
        var config = TestServer.settings(folder).set("manifest-dir", manifests).load();
        try (TestServer server = TestServer.start(config, java.time.Clock.systemUTC())) {
            HttpResponse<String> page = server.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Gruffydd Jones", "given", "given")));
            assertEquals(403, page.statusCode(), page.body());
            assertTrue(Jsoup.parse(page.body()).text().contains("This is a preview of a cluster template"), page.body());
            HttpResponse<String> script = server.browser().postJson("/forms/testschool/images-consent",
                    "{\"form-lang\": \"en\", \"form-version\": \"b66afb8d88e9\", \"pupil-names\": [\"A\"],"
                            + " \"consent.photos-on-website\": \"given\", \"consent.video\": \"given\"}");
            assertEquals(403, script.statusCode(), script.body());
            assertTrue(script.body().contains("\"error\":\"preview\""), script.body());
            assertEquals(0, server.count(SUBMISSIONS));
        }
    }
}
