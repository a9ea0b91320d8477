package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.consent.CurrentConsent;
import org.polisi.forms.names.NameMatch;

/**
 * Tester 5's fault 3: "Find everything about a person" found nothing for "Dafydd Owen" or "Dafydd ap
 * Owen" when the record said "Dafydd ab Owen", nor for "Nest Rhys" (Nest ferch Rhys) or "Ffion
 * Bhriain" (Ffion Ní Bhriain). The kind (ADR 0098): a name particle (Welsh ap/ab/fab, ferch/verch;
 * Gaelic Ní/Nic, Ó/Ua, Mac; de, van, le...) left out or written in another form, in the query or in
 * the record. Each is found through the database's sift and the comparison, labelled as looser on
 * the page (English and Welsh), in the JSON download and in the command line's export; consents are
 * still grouped, and withdrawals still matched, only by the strict comparison. A real server on
 * both databases.
 */
class PersonSearchParticlesTest {

    private static List<String> found(TestServer server, String name) {
        return PersonSearchApostrophesTest.found(server, name);
    }

    private static String consentFor(TestServer server, String pupil) {
        return reference(server.browser().post("/forms/testschool/images-consent",
                form(consent("en", pupil, "given", "given"))));
    }

    private static String agreementBy(TestServer server, String parent) {
        return reference(server.browser().post("/forms/testschool/parent-agreement",
                form(with(agreement("cy"), "parent-name", parent))));
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void namesWithAParticleLeftOutAddedOrInAnotherFormAreFoundAndLabelledLooser(TestDatabases.Kind kind,
                                                                                 @TempDir Path folder)
            throws Exception {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, java.time.Clock.systemUTC())) {
            server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
            // the tester's records: the particle is in the record
            String rhys = agreementBy(server, "Rhys ap Gwilym");
            String dafydd = consentFor(server, "Dafydd ab Owen");
            String nest = agreementBy(server, "Nest ferch Rhys");
            String gwenllian = consentFor(server, "Gwenllian ferch Gruffydd");
            String ffion = consentFor(server, "Ffion Ní Bhriain");
            // the other way round: the record without the particle, or with Ó, Mac or van in a longer answer
            String cadi = agreementBy(server, "Cadi Emrys");
            String sorcha = consentFor(server, "Sorcha Dhuibhir");
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(with(incident("en", "none", "Jan van der Berg and Ewan Mac Leòid saw it."),
                            "reporter-name", "Seán Ó Briain"))));

            String looser = " " + NameMatch.WITHOUT_PARTICLES;
            String pupilLooser = " pupil " + NameMatch.WITHOUT_PARTICLES;
            // the tester's six searches that found nothing, and ap for ab
            assertEquals(List.of(dafydd + looser, dafydd + pupilLooser), found(server, "Dafydd Owen"));
            assertEquals(List.of(dafydd + looser, dafydd + pupilLooser), found(server, "Dafydd ap Owen"));
            assertEquals(List.of(rhys + looser), found(server, "Rhys Gwilym"));
            assertEquals(List.of(nest + looser), found(server, "Nest Rhys"));
            assertEquals(List.of(gwenllian + looser, gwenllian + pupilLooser), found(server, "Gwenllian Gruffydd"));
            assertEquals(List.of(ffion + looser, ffion + pupilLooser), found(server, "Ffion Bhriain"));
            // other forms of the particle
            assertEquals(List.of(nest + looser), found(server, "Nest verch Rhys"));
            assertEquals(List.of(ffion + looser, ffion + pupilLooser), found(server, "ffion nic bhriain"));
            assertEquals(List.of(dafydd + " " + NameMatch.OTHER_SEPARATORS, dafydd + " pupil " + NameMatch.OTHER_SEPARATORS),
                    found(server, "DAFYDD AB-OWEN"), "ab-Owen is only another separator: stronger than a particle match");
            assertEquals(List.of(dafydd + looser, dafydd + pupilLooser), found(server, "Dafydd fab Owen"));
            // the record without the particle, the query with it
            assertEquals(List.of(cadi + looser), found(server, "Cadi ab Emrys"));
            assertEquals(List.of(sorcha + looser, sorcha + pupilLooser), found(server, "Sorcha Ní Dhuibhir"));
            // Ó, Ua, van der and Mac in a longer answer
            assertEquals(List.of(report + looser), found(server, "Sean Briain"));
            assertEquals(List.of(report + looser), found(server, "Seán Ua Briain"));
            assertEquals(List.of(report + looser), found(server, "Jan Berg"));
            assertEquals(List.of(report + looser), found(server, "Ewan Leoid"));
            // stronger matches are still said as before
            assertEquals(List.of(dafydd + " " + NameMatch.EXACT, dafydd + " pupil " + NameMatch.EXACT),
                    found(server, "Dafydd ab Owen"));
            assertEquals(List.of(rhys + " " + NameMatch.EXACT), found(server, "ap Gwilym"));
            assertEquals(List.of(ffion + " " + NameMatch.WITHOUT_ACCENTS, ffion + " pupil " + NameMatch.WITHOUT_ACCENTS),
                    found(server, "Ni Bhriain"));
            // what a particle does not make the same
            assertEquals(List.of(), found(server, "Dafydd Bowen"), "Bowen is a name of its own");
            assertEquals(List.of(), found(server, "Dafydd Abowen"), "a particle is never run together with the name");
            assertEquals(List.of(), found(server, "Rhys Nest"));

            // the page and the download say the match is looser, in both languages
            TestServer.Browser head = server.loggedIn("head@testschool.example");
            var english = Jsoup.parse(head.post("/staff/people", form("csrf-token", head.csrf(), "name",
                    "Dafydd Owen")).body());
            String englishTable = english.select("main table").text();
            assertTrue(englishTable.contains(dafydd) && englishTable.contains(
                    "looser: with a particle such as ap, ab, ferch, Ní, Mac or de left out or written another way"),
                    englishTable);
            assertTrue(english.select("main").text().contains("with or without a particle such as ap, ab, ferch or Ní"
                    + " (such a match is marked as looser)"), "the page says particles are optional");
            var welsh = Jsoup.parse(head.post("/staff/people?lang=cy", form("csrf-token", head.csrf(), "name",
                    "Nest Rhys")).body());
            String welshTable = welsh.select("main table").text();
            assertTrue(welshTable.contains(nest) && welshTable.contains(
                    "llacach: gyda geiryn fel ap, ab, ferch, Ní, Mac neu de wedi’i hepgor neu ar ffurf arall"), welshTable);
            assertTrue(welsh.select("main").text().contains("a gyda geiryn fel ap, ab, ferch neu Ní neu hebddo"));
            JsonNode downloaded = new ObjectMapper().readTree(head.post("/staff/people.json",
                    form("csrf-token", head.csrf(), "name", "Ffion Bhriain")).body());
            assertEquals("looser: with a particle such as ap, ab, ferch, Ní, Mac or de left out or written another way",
                    downloaded.get("submissions").get(0).get("matched").asText());
            assertEquals("Ffion Ní Bhriain", downloaded.get("submissions").get(0).get("answers")
                    .get("pupil-names").get(0).asText(), "the stored answer is as typed");
            // the command line's export
            FormsCliTestAccess.Run exportRun = FormsCliTestAccess.run("export", "--db", kind == TestDatabases.Kind.SQLITE
                    ? server.database.toString() : config.database().jdbcUrl() + "?user=" + config.database().user(),
                    "--manifests", TestServer.fixture().resolve("manifests").toString(), "--person", "Dafydd ap Owen");
            assertEquals(0, exportRun.exitCode(), exportRun.err());
            JsonNode exported = new ObjectMapper().readTree(exportRun.out());
            assertEquals(dafydd, exported.get("submissions").get(0).get("reference").asText());
            assertEquals("looser: with a particle such as ap, ab, ferch, Ní, Mac or de left out or written another way",
                    exported.get("submissions").get(0).get("matched").asText());

            // consents are grouped, and withdrawals matched, strictly: a particle is not optional there
            String dafyddAp = consentFor(server, "Dafydd ap Owen");
            Map<String, Long> pupils = new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                    .filter(each -> each.pupil().startsWith("Dafydd"))
                    .collect(Collectors.groupingBy(CurrentConsent::pupil, Collectors.counting()));
            assertEquals(Map.of("Dafydd ab Owen", 2L, "Dafydd ap Owen", 2L), pupils, "two pupils, two statements each");
            HttpResponse<String> refused = server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", dafydd, "Dafydd Owen", "all")));
            assertTrue(Jsoup.parse(refused.body()).select(".error-summary__list").text().contains("for the child you named"),
                    "a withdrawal naming Dafydd Owen does not withdraw Dafydd ab Owen's consent");
            assertEquals(0, server.count("SELECT count(*) FROM consent_event WHERE answer = 'withdrawn'"));
            assertEquals(List.of(dafydd + looser, dafyddAp + looser, dafydd + pupilLooser, dafyddAp + pupilLooser),
                    found(server, "Dafydd Owen"), "the search finds both, each labelled");
        }
    }
}
