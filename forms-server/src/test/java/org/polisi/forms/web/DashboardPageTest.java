package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 20, fault 6: "the dashboard is a list of form names with no counts and no urgent or new
 * items; no consents view by statement or by class; nothing shows who has not yet returned a form;
 * the consents cannot be exported; the submissions list stops silently at 500 rows". On a real
 * server, in both languages: a headteacher answers "who may appear on the website photo from class
 * 3?" and "what is urgent?" from the pages alone.
 */
class DashboardPageTest {

    private static final String HEAD = "head@test.example";
    private static final String ROSTER = "Pupil,Class\nSiân Jones,Class 3\nDewi Rees,Class 3\nAlys Morgan,Class 4\n";
    private static final String PHOTOS = "images-consent.consent.photos-on-website";

    private static TestServer serverWithStaff(Path folder) {
        TestServer server = TestServer.start(folder);
        server.addStaff("testschool", "Heledd Pennaeth", HEAD, "headteacher");
        server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
        return server;
    }

    private static HttpResponse<String> pasteRoster(TestServer.Browser staff, String text) {
        return staff.post("/staff/roster", form("csrf-token", staff.csrf(), "roster-text", text));
    }

    private static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            query.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    @Test
    void whoMayAppearOnTheWebsitePhotoFromClass3(@TempDir Path folder) throws Exception {
        try (TestServer server = serverWithStaff(folder)) {
            TestServer.Browser parent = server.browser();
            reference(parent.post("/forms/testschool/images-consent", form(consent("en", "SIAN JONES", "given", "refused"))));
            reference(parent.post("/forms/testschool/images-consent", form(consent("cy", "Dewi Rees", "refused", "given"))));
            reference(parent.post("/forms/testschool/images-consent", form(consent("en", "Alys Morgan", "given", "given"))));
            TestServer.Browser head = server.loggedIn(HEAD);
            assertEquals(303, pasteRoster(head, ROSTER).statusCode());

            String photoDay = query("statement", PHOTOS, "class", "Class 3", "answer", "given", "lang", "en");
            Document page = Jsoup.parse(head.get("/staff/consents?" + photoDay).body());
            List<List<String>> rows = page.select("table tbody tr").stream().map(tr -> tr.select("td").eachText()).toList();
            assertEquals(1, rows.size(), rows.toString());
            assertEquals(List.of("SIAN JONES", "Class 3", "Use of digital images", "Photos on the school website",
                    "I give consent"), rows.get(0).subList(0, 5), "the roster's Siân Jones, matched as a name");
            assertEquals("1 pupil and statement shown", page.selectFirst(".table__caption").text());
            assertNotNull(page.selectFirst("select#filter--class option[selected][value=Class 3]"), "the filter shows its choice");
            assertEquals("get", page.selectFirst("form.filters").attr("method"), "a list that can be bookmarked");

            HttpResponse<String> csv = head.get("/staff/consents.csv?" + photoDay);
            assertEquals(200, csv.statusCode());
            assertEquals('\uFEFF', csv.body().charAt(0));
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.body().substring(1))).getRecords();
            assertEquals(2, records.size(), records.toString());
            assertEquals(List.of("Pupil", "Class", "Form", "Statement", "Current answer", "Since (UK time)",
                    "Since (UTC, ISO 8601)", "To check", "Reference"), records.get(0).toList());
            assertEquals("Class 3", records.get(1).get(1));

            Document welsh = Jsoup.parse(head.get("/staff/consents?" + query("statement", PHOTOS, "class", "Class 3",
                    "lang", "cy")).body());
            List<List<String>> welshRows = welsh.select("table tbody tr").stream().map(tr -> tr.select("td").eachText()).toList();
            assertEquals(2, welshRows.size(), "given and refused in class 3: " + welshRows);
            assertEquals("Dosbarth", welsh.select("table thead th").get(1).text());
            assertEquals("Lluniau ar wefan yr ysgol", welshRows.get(0).get(3));

            TestServer.Browser office = server.loggedIn("office@test.example");
            Document officeView = Jsoup.parse(office.get("/staff/consents?lang=en").body());
            assertNull(officeView.selectFirst("select#filter--class"), "the roster is the headteacher's alone");
            assertEquals(3, officeView.select("table tbody tr").stream()
                    .filter(tr -> tr.select("td").get(3).text().equals("Photos on the school website")).count());
        }
    }

    @Test
    void theDashboardShowsWhatIsUrgentNewAndNotYetReturned(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            TestServer.Browser head = server.loggedIn(HEAD);
            Document empty = Jsoup.parse(head.get("/staff/?lang=en").body());
            assertTrue(empty.selectFirst(".dashboard-new").text().startsWith("This is your first visit")
                    || empty.selectFirst(".dashboard-new").text().startsWith("Nothing new has arrived"), empty.text());
            TestServer.Browser parent = server.browser();
            String urgent = reference(parent.post("/forms/testschool/incident-report",
                    form(incident("en", "immediate-risk", "A stranger messaged Alys"))));
            String calm = reference(parent.post("/forms/testschool/incident-report", form(incident("en", "none", "Spam"))));
            parent.post("/forms/testschool/images-consent", form(consent("en", "Siân Jones", "given", "given")));

            Document first = Jsoup.parse(head.get("/staff/?lang=en").body());
            assertTrue(first.selectFirst(".dashboard-new").text().startsWith("3 new submissions have arrived since your "
                    + "last visit on "), first.selectFirst(".dashboard-new").text());
            assertEquals(List.of(urgent), first.select("h2#urgent + ul.urgent-list a").eachText());
            Element incidents = first.selectFirst("h2#incidents + table");
            assertEquals(List.of("Open 2", "Actioned 0", "Closed 0"), incidents.select("tbody tr").eachText());
            Element formRow = first.select("h2#forms + table tbody tr").stream()
                    .filter(tr -> tr.text().startsWith("Report an online safety incident")).findFirst().orElseThrow();
            assertEquals(List.of("2", "2", "1"), formRow.select("td").eachText().subList(2, 5), "received, new, urgent");
            assertTrue(first.selectFirst("h2#not-returned + p").text().startsWith("Upload the school’s roster"));

            assertEquals(303, head.post("/staff/submissions/" + urgent + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "status", "detail", "closed")).statusCode());
            parent.post("/forms/testschool/parent-agreement", form(agreement("en")));
            assertEquals(303, pasteRoster(head, ROSTER).statusCode());

            Document second = Jsoup.parse(head.get("/staff/").body());
            assertTrue(second.selectFirst(".dashboard-new").text().startsWith("1 new submission has arrived since your last visit on "),
                    second.selectFirst(".dashboard-new").text());
            assertEquals("Nothing urgent is waiting.", second.selectFirst("h2#urgent + p").text());
            assertEquals(List.of("Open 1", "Actioned 0", "Closed 1"),
                    second.selectFirst("h2#incidents + table").select("tbody tr").eachText());
            Element consents = second.select("details.not-returned").stream()
                    .filter(details -> details.selectFirst("summary").text().startsWith("Use of digital images"))
                    .findFirst().orElseThrow();
            assertEquals("Use of digital images: 2 of 3 pupils on the roster", consents.selectFirst("summary").text());
            assertEquals(List.of("Dewi Rees (Class 3)", "Alys Morgan (Class 4)"), consents.select("li").eachText());

            Document welsh = Jsoup.parse(head.get("/staff/?lang=cy").body());
            assertTrue(welsh.selectFirst(".dashboard-new").text().startsWith("Does dim byd newydd wedi cyrraedd"),
                    welsh.selectFirst(".dashboard-new").text());
            assertEquals("Does dim byd brys yn aros.", welsh.selectFirst("h2#urgent + p").text());
            assertEquals("Heb eu dychwelyd eto", welsh.selectFirst("h2#not-returned").text());
            assertTrue(welsh.select("details.not-returned summary").eachText().contains(
                    "Defnyddio delweddau digidol: 2 o 3 disgybl ar y rhestr"), welsh.select("summary").eachText().toString());
            assertFalse(calm.isEmpty());

            Document office = Jsoup.parse(server.loggedIn("office@test.example").get("/staff/?lang=en").body());
            assertNull(office.selectFirst("h2#not-returned"), "the roster's answers are the headteacher's");
            assertNull(office.selectFirst("h2#incidents"), "the office reads no incident reports");
            assertFalse(office.text().contains(urgent));
        }
    }

    @Test
    void theRosterIsTheHeadteachersRecordedAndRefusedWholeWhenALineIsWrong(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            TestServer.Browser office = server.loggedIn("office@test.example");
            assertEquals(403, office.get("/staff/roster").statusCode());
            assertEquals(403, pasteRoster(office, ROSTER).statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM roster_pupil"));

            TestServer.Browser head = server.loggedIn(HEAD);
            assertEquals(303, pasteRoster(head, ROSTER).statusCode());
            HttpResponse<String> wrong = pasteRoster(head, "Pupil,Class\nNia Hughes,Class 1\nOnly a name\n,Class 2\n");
            assertEquals(422, wrong.statusCode());
            assertEquals(List.of("Line 3: each line must have two columns: the pupil’s name, then their class",
                    "Line 4: the pupil’s name is empty"), Jsoup.parse(wrong.body()).select(".error-summary a").eachText());
            assertEquals(3, server.count("SELECT count(*) FROM roster_pupil"), "a wrong roster replaces nothing");
            Document welsh = Jsoup.parse(head.post("/staff/roster?lang=cy", form("csrf-token", head.csrf(),
                    "roster-text", "Nia Hughes;Dosbarth 1")).body());
            assertEquals(List.of("Llinell 1: rhaid i bob llinell gael dwy golofn: enw’r disgybl, yna ei ddosbarth"),
                    welsh.select(".error-summary a").eachText());

            String tabs = "Nia Hughes\tDosbarth 1\nGwion Ap Iorwerth\tDosbarth 2\n"; // pasted from a spreadsheet
            assertEquals(303, pasteRoster(head, tabs).statusCode());
            assertEquals(List.of("Nia Hughes|Dosbarth 1", "Gwion Ap Iorwerth|Dosbarth 2"), server.jdbi().withHandle(
                    handle -> handle.createQuery("SELECT pupil || '|' || class_name FROM roster_pupil ORDER BY id")
                            .mapTo(String.class).list()), "each upload replaces the whole list");
            Document page = Jsoup.parse(head.get("/staff/roster?lang=en").body());
            assertTrue(page.text().contains("The roster has 2 pupils. It was uploaded on "), page.text());
            assertFalse(page.text().contains("Nia Hughes"), "the page shows counts per class, not the names");

            assertEquals(2, server.count("SELECT count(*) FROM roster_upload WHERE uploaded_by LIKE 'Heledd Pennaeth%'"));
            assertThrows(UnableToExecuteStatementException.class,
                    () -> server.jdbi().useHandle(handle -> handle.execute("DELETE FROM roster_upload")));
        }
    }

    @Test
    void aRosterFileIsUploadedAsAFileAndAFileNotInUtf8IsRefused(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            TestServer.Browser head = server.loggedIn(HEAD);
            byte[] utf8 = ("\uFEFFPupil,Class\r\n\"Jones, Siân\",Class 3\r\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(303, multipart(head, utf8).statusCode());
            assertEquals(List.of("Jones, Siân"), server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT pupil FROM roster_pupil").mapTo(String.class).list()));
            byte[] latin1 = "Pupil,Class\nSiân Jones,Class 3\n".getBytes(StandardCharsets.ISO_8859_1);
            HttpResponse<String> refused = multipart(head, latin1);
            assertEquals(422, refused.statusCode());
            assertTrue(Jsoup.parse(refused.body()).selectFirst(".error-summary").text().contains("CSV UTF-8"));
        }
    }

    private static HttpResponse<String> multipart(TestServer.Browser staff, byte[] file) {
        String boundary = "----polisi-test-boundary";
        String csrf = staff.csrf();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster-file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        // the body as ISO-8859-1 text keeps every byte of the file as it is
        String body = head + new String(file, StandardCharsets.ISO_8859_1) + tail;
        return staff.postBytes("/staff/roster", body.getBytes(StandardCharsets.ISO_8859_1),
                "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void theSubmissionsListPagesInsteadOfStoppingSilently(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            TestServer.Browser parent = server.browser();
            for (int i = 1; i <= 53; i++) {
                reference(parent.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Rhiant " + i))));
            }
            TestServer.Browser head = server.loggedIn(HEAD);
            Document first = Jsoup.parse(head.get("/staff/submissions?form=parent-agreement&lang=en").body());
            assertEquals("53 submissions match.", first.selectFirst("p[role=status]").text());
            assertEquals(50, first.select("table tbody tr").size());
            assertEquals("Page 1 of 2", first.selectFirst("nav.pagination p").text());
            String next = first.selectFirst("nav.pagination a[rel=next]").attr("href");
            assertEquals("/staff/submissions?form=parent-agreement&page=2", next);
            Document second = Jsoup.parse(head.get(next).body());
            assertEquals(3, second.select("table tbody tr").size());
            assertNotNull(second.selectFirst("nav.pagination a[rel=prev]"));
            assertNull(second.selectFirst("nav.pagination a[rel=next]"));
            Document welsh = Jsoup.parse(head.get(next + "&lang=cy").body());
            assertEquals("Tudalen 2 o 2", welsh.selectFirst("nav.pagination p").text());

            List<String> csvLines = head.get("/staff/export.csv?form=parent-agreement").body().lines().toList();
            assertEquals(54, csvLines.size(), "the export holds every submission, never a page of them");
        }
    }
}
