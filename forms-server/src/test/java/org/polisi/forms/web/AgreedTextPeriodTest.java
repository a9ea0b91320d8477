package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;

/**
 * Tester 3's fault 9: after the school changed an agreement's page, the staff record of one signed on
 * the old version still said its text had been "on this website since" its date, and the archived
 * page gave no dates. Every page naming an archived text gives the dates it was on the website:
 * "from … until …" for a version replaced since, "since …" for the one published now.
 */
class AgreedTextPeriodTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD = "9185fca34835";
    private static final String NEW = "abcdef012345";

    @Test
    void aRecordOfAnOldVersionAndItsArchivedPageSayFromWhenUntilWhen(@TempDir Path folder) throws Exception {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path archive = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
        ServerConfig config = TestServer.settings(folder.resolve("server")).set("manifest-dir", manifests)
                .set("agreed-texts-dir", archive).load();
        String signed;
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            signed = reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("en"))));
        }
        // the school changes the English page on 5 December: the build archives the new version and
        // the manifest names it
        Path forms = archive.resolve("testschool/parent-agreement");
        ObjectNode snapshot = (ObjectNode) JSON.readTree(forms.resolve(OLD + ".json").toFile());
        snapshot.put("formVersion", NEW).put("firstPublished", "2026-12-05");
        Files.writeString(forms.resolve(NEW + ".json"), JSON.writeValueAsString(snapshot));
        Path school = manifests.resolve("testschool.json");
        Files.writeString(school, Files.readString(school).replace("\"" + OLD + "\"", "\"" + NEW + "\""));

        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
            TestServer.Browser head = server.loggedIn("head@testschool.example");
            String record = Jsoup.parse(head.get("/staff/submissions/" + signed).body()).select("main").text();
            assertTrue(record.contains("published on this website from 1 September 2026 until 5 December 2026"), record);
            assertTrue(!record.contains("on this website since"), record);

            Document archived = Jsoup.parse(server.browser().get("/agreed-texts/testschool/parent-agreement/" + OLD).body());
            assertTrue(archived.selectFirst(".notice--archive").text().contains("Published from 1 September 2026 until"
                    + " 5 December 2026"), archived.selectFirst(".notice--archive").text());
            Document current = Jsoup.parse(server.browser().get("/agreed-texts/testschool/parent-agreement/" + NEW).body());
            assertTrue(current.selectFirst(".notice--archive").text().contains("Published since 5 December 2026: the"
                    + " version published now"), current.selectFirst(".notice--archive").text());
            Document welsh = Jsoup.parse(head.get("/staff/submissions/" + signed + "?lang=cy").body());
            assertTrue(welsh.select("main").text().contains("wedi’i gyhoeddi ar y wefan hon o 1 Medi 2026 tan 5 Rhagfyr 2026"),
                    welsh.select("main").text());
        }
    }
}
